import type { Feature, RuntimeServices } from "../runtime/feature.js"
import type { WatchSettings } from "./WatchSettings.js"
import { subscribe, subscriptions, unsubscribe } from "./subscribe.js"

export const watchFeature: Feature<RuntimeServices | WatchSettings> = {
  subcommands: { subscribe, unsubscribe, subscriptions },
  aboutAnApp: ["subscribe", "unsubscribe"],
  needsAnApp: ["subscribe", "unsubscribe"]
}
