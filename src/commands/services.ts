import type { RuntimeServices } from "../runtime/feature.js"
import type { WatchSettings } from "../watching/WatchSettings.js"

/** Every service a command may use: the runtime's, and the settings of the feature areas the router merges. */
export type CommandServices = RuntimeServices | WatchSettings
