import { Effect, Option } from "effect"
import { ChangeId } from "../../runtime/changes/confirmationView.js"
import { storedChangeTarget } from "../../runtime/changes/target.js"
import type { Feature } from "../../runtime/feature.js"
import { scale } from "./scale.js"
import { STOP_ACTION, STOP_CALLBACK, StopMetadata } from "./scaleView.js"
import { openStopModal, submitStop } from "./stop.js"

export const scaleFeature: Feature = {
  subcommands: { scale },
  aboutAnApp: ["scale"],
  needsAnApp: ["scale"],
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
