import { declare } from "../../runtime/declarations.js"
import type { Feature } from "../../runtime/feature.js"
import { audit, auditPageClick } from "./audit.js"
import { AUDIT_PAGE_ACTION } from "./auditView.js"

export const auditFeature: Feature = {
  commands: [
    declare({
      word: "audit",
      group: "admin",
      summary: "the latest changes made through the bot",
      forms: [
        {
          usage: "audit [app]",
          example: "audit my-app",
          what: "the latest changes made through the bot, of one app if you like (admins: everyone's)"
        }
      ],
      policy: "read",
      app: "optional",
      fromButtons: false,
      handler: audit
    })
  ],
  buttons: { [AUDIT_PAGE_ACTION]: auditPageClick }
}
