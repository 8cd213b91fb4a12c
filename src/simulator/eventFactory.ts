import { type RawEvent, eventSamples } from "./eventSamples.js"
import { isoDate, objectId } from "./ids.js"

/**
 * Turns the raw samples (one per event type) into events of a given user and app, so every type
 * Scalingo emits shows up somewhere with the shape the API sends.
 */

export interface EventUser {
  readonly id: string
  readonly username: string
  readonly email: string
}

export interface EventApp {
  readonly id: string
  readonly name: string
}

/** Platform-made events keep their `scalingo-platform` author, as on Scalingo. */
const PLATFORM_EMAIL = "deploy@scalingo.com"
/** Seeded timelines spread over hours or days, so relative times read naturally. */
const STEP_MS = 37 * 60_000

const hasAppFields = (sample: RawEvent): boolean => "app_id" in sample || "app_name" in sample

const newestTime = (events: ReadonlyArray<RawEvent>): number | undefined => {
  const first = events[0]?.["created_at"]
  return typeof first === "string" ? Date.parse(first) : undefined
}

/**
 * `count` events cycling through the samples, newest first, all newer than `existing` (so a later
 * batch sits on top of an earlier one) and none in the future.
 * `appFor(index)`: the app an event is about; app events always name one, account events only
 * when their sample is about an app (login or billing events stay app-less).
 */
export const makeEvents = (options: {
  readonly count: number
  readonly user: EventUser
  readonly existing: ReadonlyArray<RawEvent>
  readonly appFor: (index: number, sample: RawEvent) => EventApp | undefined
}): Array<RawEvent> => {
  const { count, user, existing, appFor } = options
  if (count <= 0 || eventSamples.length === 0) return []
  const now = Date.now()
  const previous = newestTime(existing)
  const oldest = previous === undefined ? now - count * STEP_MS : Math.max(previous + 1, now - count * STEP_MS)
  const step = Math.max(1, Math.min(STEP_MS, Math.floor((now - oldest) / count)))
  const events: Array<RawEvent> = []
  for (let index = 0; index < count; index++) {
    const sample = eventSamples[index % eventSamples.length]!
    const at = oldest + (count - 1 - index) * step
    events.push(fromSample(sample, at, user, appFor(index, sample)))
  }
  return events
}

const fromSample = (sample: RawEvent, at: number, user: EventUser, app: EventApp | undefined): RawEvent => {
  const event: RawEvent = structuredClone(sample)
  event["id"] = objectId(at)
  event["created_at"] = isoDate(at)
  const author = sample["user"] as { email?: unknown } | undefined
  if (author?.email !== PLATFORM_EMAIL) event["user"] = { username: user.username, email: user.email, id: user.id }
  if (app !== undefined) {
    event["app_id"] = app.id
    event["app_name"] = app.name
  }
  return event
}

/** The `new_app` event Scalingo records when an app is created. */
export const newAppEvent = (user: EventUser, app: EventApp): RawEvent => {
  const sample = eventSamples.find((candidate) => candidate["type"] === "new_app")
  const template: RawEvent = sample ?? { type: "new_app", type_data: { git_source: "" } }
  return fromSample(template, Date.now(), user, app)
}

export const sampleIsAboutAnApp = hasAppFields
