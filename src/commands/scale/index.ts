import { Effect, Option } from "effect"
import { ChangeId } from "../../runtime/changes/confirmationView.js"
import { storedChangeTarget } from "../../runtime/changes/target.js"
import { declare } from "../../runtime/declarations.js"
import type { Feature } from "../../runtime/feature.js"
import { scale } from "./scale.js"
import { STOP_ACTION, STOP_CALLBACK, StopMetadata } from "./scaleView.js"
import { openStopModal, submitStop } from "./stop.js"

export const scaleFeature: Feature = {
  commands: [
    declare({
      word: "scale",
      group: "change",
      summary: "change an app's formation",
      forms: [
        {
          usage: "scale <app> <type>:<amount>[:<size>] …",
          example: "scale my-app web:3 worker:+1",
          what: "change the formation (relative amounts, optional sizes), after you confirm"
        }
      ],
      policy: "scale",
      app: "required",
      fromButtons: true,
      handler: scale
    })
  ],
  buttons: { [STOP_ACTION]: openStopModal },
  submissions: { [STOP_CALLBACK]: submitStop },
  buttonTargets: { [STOP_ACTION]: (click) => storedChangeTarget(click.person.teamId, click.value) },
  submissionTargets: {
    [STOP_CALLBACK]: (submission) =>
      Option.match(StopMetadata.decode(submission.privateMetadata), {
        onNone: () => Effect.succeed(undefined),
        onSome: (metadata) => storedChangeTarget(submission.person.teamId, ChangeId.encode(metadata.i))
      })
  }
}
