import type { Feature } from "../feature.js"
import { scale, scaleExecutor } from "./scale.js"
import { STOP_ACTION, STOP_CALLBACK } from "./scaleView.js"
import { openStopModal, submitStop } from "./stop.js"

export const scaleFeature: Feature = {
  subcommands: { scale },
  aboutAnApp: ["scale"],
  needsAnApp: ["scale"],
  buttons: { [STOP_ACTION]: openStopModal },
  submissions: { [STOP_CALLBACK]: submitStop },
  executors: { scale: scaleExecutor }
}
