import { Effect } from "effect"
import type { Feature } from "../../runtime/feature.js"
import { events } from "./events.js"
import { decodeCursor, EVENTS_PAGE_ACTION } from "./eventsCursor.js"
import { eventsPage } from "./eventsPage.js"

export const eventsFeature: Feature = {
  subcommands: { events },
  aboutAnApp: ["events"],
  buttons: { [EVENTS_PAGE_ACTION]: eventsPage },
  buttonTargets: {
    [EVENTS_PAGE_ACTION]: (click) =>
      Effect.succeed({ action: "read", app: decodeCursor(click.value)?.app ?? undefined })
  }
}
