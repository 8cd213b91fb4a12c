import type { Feature } from "../../runtime/feature.js"
import { login, submitLogin } from "./login.js"
import { LOGIN_CALLBACK } from "./loginViews.js"

export const loginFeature: Feature = { subcommands: { login }, submissions: { [LOGIN_CALLBACK]: submitLogin } }
