import { Effect, Option } from "effect"
import { declare } from "../../runtime/declarations.js"
import type { Feature } from "../../runtime/feature.js"
import { buildLog, deployments, deploymentsPage } from "./deployments.js"
import { BUILD_LOG_ACTION, BuildLogTarget, DEPLOYMENTS_PAGE_ACTION, DeploymentsCursor } from "./deploymentsCursor.js"

export const deploymentsFeature: Feature = {
  commands: [
    declare({
      word: "deployments",
      group: "look",
      summary: "an app's deployments in a thread, with build logs",
      forms: [
        {
          usage: "deployments <app>",
          example: "deployments my-app",
          what: "post an app's deployments in a thread, page by page, with their build logs"
        }
      ],
      policy: "read",
      app: "required",
      fromButtons: true,
      handler: deployments
    })
  ],
  buttons: { [DEPLOYMENTS_PAGE_ACTION]: deploymentsPage, [BUILD_LOG_ACTION]: buildLog },
  buttonTargets: {
    [DEPLOYMENTS_PAGE_ACTION]: (click) =>
      Effect.succeed({ action: "read", app: Option.getOrUndefined(DeploymentsCursor.decode(click.value))?.a }),
    [BUILD_LOG_ACTION]: (click) =>
      Effect.succeed({ action: "read", app: Option.getOrUndefined(BuildLogTarget.decode(click.value))?.a })
  }
}
