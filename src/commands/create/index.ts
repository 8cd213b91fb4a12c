import { Effect, Option } from "effect"
import type { Feature } from "../../runtime/feature.js"
import { inputValue } from "../../runtime/interaction/Interaction.js"
import { createApp } from "./createApp.js"
import { CREATE_CALLBACK, CreateMetadata, NAME_ACTION, NAME_BLOCK } from "./createViews.js"
import { submitCreateApp } from "./submitCreateApp.js"

export const createFeature: Feature = {
  subcommands: { create: createApp },
  aboutAnApp: ["create"],
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
