import { Effect } from "effect"
import { declare } from "../../runtime/declarations.js"
import type { Feature } from "../../runtime/feature.js"
import { events } from "./events.js"
import { decodeCursor, EVENTS_PAGE_ACTION } from "./eventsCursor.js"
import { eventsPage } from "./eventsPage.js"

export const eventsFeature: Feature = {
  commands: [
    declare({
      word: "events",
      group: "look",
      summary: "an app's recent events in a thread",
      forms: [
        {
          usage: "events <app>",
          example: "events my-app",
          what: "post an app's recent events in a thread, page by page"
        },
        { usage: "events", example: "events", what: "the same for your account-wide events" }
      ],
      policy: "read",
      app: "optional",
      fromButtons: true,
      handler: events
    })
  ],
  buttons: { [EVENTS_PAGE_ACTION]: eventsPage },
  buttonTargets: {
    [EVENTS_PAGE_ACTION]: (click) =>
      Effect.succeed({ action: "read", app: decodeCursor(click.value)?.app ?? undefined })
  }
}
