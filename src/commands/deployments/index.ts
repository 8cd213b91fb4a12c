import type { Feature } from "../feature.js"
import { buildLog, deployments, deploymentsPage } from "./deployments.js"
import { BUILD_LOG_ACTION, DEPLOYMENTS_PAGE_ACTION } from "./deploymentsCursor.js"

export const deploymentsFeature: Feature = {
  subcommands: { deployments },
  aboutAnApp: ["deployments"],
  needsAnApp: ["deployments"],
  buttons: { [DEPLOYMENTS_PAGE_ACTION]: deploymentsPage, [BUILD_LOG_ACTION]: buildLog }
}
