import { declare } from "../runtime/declarations.js"
import type { Feature, RuntimeServices } from "../runtime/feature.js"
import type { WatchSettings } from "./WatchSettings.js"
import { subscribe, subscriptions, unsubscribe } from "./subscribe.js"

export const watchFeature: Feature<RuntimeServices | WatchSettings> = {
  commands: [
    declare({
      word: "subscribe",
      group: "watch",
      summary: "tell this channel about an app's deployments and crashes",
      forms: [
        {
          usage: "subscribe <app> [deploys] [crashes] [all]",
          example: "subscribe my-app",
          what: "tell this channel about the app's deployments and crashes (or every event with `all`)"
        }
      ],
      policy: "subscribe",
      app: "required",
      fromButtons: false,
      handler: subscribe
    }),
    declare({
      word: "unsubscribe",
      group: "watch",
      summary: "stop telling this channel about an app",
      forms: [
        { usage: "unsubscribe <app>", example: "unsubscribe my-app", what: "stop telling this channel about the app" }
      ],
      policy: "subscribe",
      app: "required",
      fromButtons: false,
      handler: unsubscribe
    }),
    declare({
      word: "subscriptions",
      group: "watch",
      summary: "what this channel follows",
      forms: [
        { usage: "subscriptions", example: "subscriptions", what: "what this channel follows, and who subscribed it" }
      ],
      policy: "read",
      app: "none",
      fromButtons: false,
      handler: subscriptions
    })
  ]
}
