import { declare } from "../../runtime/declarations.js"
import type { Feature } from "../../runtime/feature.js"
import { LINK_ACTION } from "../../runtime/references.js"
import { login, loginFromButton, submitLogin } from "./login.js"
import { LOGIN_CALLBACK } from "./loginViews.js"

export const loginFeature: Feature = {
  commands: [
    declare({
      word: "login",
      group: "account",
      summary: "link your Scalingo account",
      forms: [
        { usage: "login", example: "login", what: "link your Scalingo account (opens a form for your API token)" },
        { usage: "login <token>", example: "login tk-us-…", what: "link your Scalingo account without the form" }
      ],
      policy: "read",
      app: "none",
      fromButtons: false,
      handler: login
    })
  ],
  buttons: { [LINK_ACTION]: loginFromButton },
  submissions: { [LOGIN_CALLBACK]: submitLogin }
}
