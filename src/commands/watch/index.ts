import type { Feature } from "../feature.js"
import { subscribe, subscriptions, unsubscribe } from "./subscribe.js"

export const watchFeature: Feature = {
  subcommands: { subscribe, unsubscribe, subscriptions },
  aboutAnApp: ["subscribe", "unsubscribe"],
  needsAnApp: ["subscribe", "unsubscribe"]
}
