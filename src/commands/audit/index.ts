import type { Feature } from "../../runtime/feature.js"
import { audit, auditPageClick } from "./audit.js"
import { AUDIT_PAGE_ACTION } from "./auditView.js"

export const auditFeature: Feature = {
  subcommands: { audit },
  aboutAnApp: ["audit"],
  buttons: { [AUDIT_PAGE_ACTION]: auditPageClick }
}
