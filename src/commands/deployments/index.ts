import { Effect, Option } from "effect"
import type { Feature } from "../../runtime/feature.js"
import { buildLog, deployments, deploymentsPage } from "./deployments.js"
import { BUILD_LOG_ACTION, BuildLogTarget, DEPLOYMENTS_PAGE_ACTION, DeploymentsCursor } from "./deploymentsCursor.js"

export const deploymentsFeature: Feature = {
  subcommands: { deployments },
  aboutAnApp: ["deployments"],
  needsAnApp: ["deployments"],
  buttons: { [DEPLOYMENTS_PAGE_ACTION]: deploymentsPage, [BUILD_LOG_ACTION]: buildLog },
  buttonTargets: {
    [DEPLOYMENTS_PAGE_ACTION]: (click) =>
      Effect.succeed({ action: "read", app: Option.getOrUndefined(DeploymentsCursor.decode(click.value))?.a }),
    [BUILD_LOG_ACTION]: (click) =>
      Effect.succeed({ action: "read", app: Option.getOrUndefined(BuildLogTarget.decode(click.value))?.a })
  }
}
