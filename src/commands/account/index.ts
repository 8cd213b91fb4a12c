import { declare, type CommandDeclaration } from "../../runtime/declarations.js"
import type { Feature } from "../../runtime/feature.js"
import { logout, whoami } from "./account.js"

const commands: ReadonlyArray<CommandDeclaration> = [
  declare({
    word: "whoami",
    group: "account",
    summary: "which Scalingo account you act with",
    forms: [{ usage: "whoami", example: "whoami", what: "show which Scalingo account you act with" }],
    policy: "read",
    app: "none",
    fromButtons: false,
    handler: whoami
  }),
  declare({
    word: "logout",
    group: "account",
    summary: "forget your Scalingo token",
    forms: [{ usage: "logout", example: "logout", what: "forget your Scalingo token" }],
    policy: "read",
    app: "none",
    fromButtons: false,
    handler: logout
  })
]

export const accountFeature: Feature = { commands }
