import { Effect, Option } from "effect"
import { declare } from "../../runtime/declarations.js"
import type { Feature } from "../../runtime/feature.js"
import { inputValue } from "../../runtime/interaction/Interaction.js"
import { createApp } from "./createApp.js"
import { CREATE_CALLBACK, CreateMetadata, NAME_ACTION, NAME_BLOCK } from "./createViews.js"
import { submitCreateApp } from "./submitCreateApp.js"

export const createFeature: Feature = {
  commands: [
    declare({
      word: "create",
      group: "change",
      summary: "create an app",
      forms: [
        {
          usage: "create [name]",
          example: "create my-new-app",
          what: "create an app (opens a form with a region picker)"
        }
      ],
      policy: "create",
      app: "optional",
      fromButtons: false,
      handler: createApp
    })
  ],
  submissions: { [CREATE_CALLBACK]: submitCreateApp },
  submissionTargets: {
    [CREATE_CALLBACK]: (submission) =>
      Effect.succeed({
        action: "create",
        app: (inputValue(submission, NAME_BLOCK, NAME_ACTION) ?? "").trim().slice(0, 100),
        channelId: Option.getOrUndefined(CreateMetadata.decode(submission.privateMetadata))?.c
      })
  }
}
