import type { Feature } from "../../runtime/feature.js"
import { LINK_ACTION } from "../../runtime/references.js"
import { login, loginFromButton, submitLogin } from "./login.js"
import { LOGIN_CALLBACK } from "./loginViews.js"

export const loginFeature: Feature = {
  subcommands: { login },
  buttons: { [LINK_ACTION]: loginFromButton },
  submissions: { [LOGIN_CALLBACK]: submitLogin }
}
