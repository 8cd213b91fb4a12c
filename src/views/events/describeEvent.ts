import {
  eventTime,
  isKnownEvent,
  type KnownEvent,
  type KnownEventType,
  type ScalingoEvent
} from "../../scalingo/schemas/events/index.js"
import { accountSentences, billingSentences } from "./sentences/account.js"
import { addonSentences, databaseSentences } from "./sentences/addons.js"
import { appSentences } from "./sentences/app.js"
import { collaboratorSentences, variableSentences } from "./sentences/access.js"
import { domainSentences, scmSentences } from "./sentences/domains.js"
import { notifierSentences } from "./sentences/notifiers.js"
import { projectSentences } from "./sentences/projects.js"
import {
  code,
  type EventLink,
  has,
  oneLine,
  personName,
  plain,
  type Rendering,
  type Sentences
} from "./sentences/shared.js"

/**
 * Turns a Scalingo event into words a person understands, after the CLI's sentences
 * (scalingo-api.md §4.4-4.5). Pure: no Slack, no I/O.
 */
export interface EventDescription {
  readonly type: string
  /** The type made printable, "Edit Variable", "Database/Add Feature". Plain text. */
  readonly title: string
  /** One sentence in Slack mrkdwn; every value from Scalingo is escaped. Never shows a variable's value. */
  readonly sentence: string
  /** "alice (alice@example.com)", "Addon PostgreSQL", "Scalingo Operator"… Plain text. */
  readonly who: string
  readonly at: Date | undefined
  /** As sent (plain text). */
  readonly appName?: string
  readonly link?: EventLink
}

export type { EventLink } from "./sentences/shared.js"

const SENTENCES: Sentences<KnownEventType> = {
  ...appSentences,
  ...domainSentences,
  ...scmSentences,
  ...addonSentences,
  ...databaseSentences,
  ...collaboratorSentences,
  ...variableSentences,
  ...notifierSentences,
  ...accountSentences,
  ...billingSentences,
  ...projectSentences
}

const PLATFORM_EMAIL = "deploy@scalingo.com"
/** Slack refuses section text over 3000 characters; a sentence stays well below. */
const MAX_SENTENCE = 1500

/** `edit_variable` → "Edit Variable", `database/add_feature` → "Database/Add Feature". */
export const printableType = (type: string): string =>
  oneLine(type.replace(/_/g, " "), 80).replace(
    /(^|[\s/])(\p{Ll})/gu,
    (_, before: string, letter: string) => before + letter.toUpperCase()
  )

const defaultWho = (user: ScalingoEvent["user"]): string => {
  if (user?.email === PLATFORM_EMAIL) return "Scalingo platform"
  return personName(user, (text) => oneLine(text)) ?? "Someone"
}

/** Unknown types show their name and where they happened, never their data. */
const neutralSentence = (event: ScalingoEvent): string => {
  const where = has(event.app_name)
    ? ` on ${plain(event.app_name)}`
    : has(event.project_name)
      ? ` on project ${plain(event.project_name)}`
      : ""
  return `Event ${code(event.type || "unknown")}${where}`
}

const renderKnown = (event: KnownEvent): Rendering => {
  // The map is keyed by type, so the builder matches the event's variant.
  const build = SENTENCES[event.type] as (event: KnownEvent) => string | Rendering
  const result = build(event)
  return typeof result === "string" ? { sentence: result } : result
}

/** Cuts an over-long sentence without leaving half an HTML entity behind. */
const capped = (sentence: string): string =>
  sentence.length <= MAX_SENTENCE ? sentence : `${sentence.slice(0, MAX_SENTENCE - 1).replace(/&[a-z]*$/, "")}…`

export const describeEvent = (event: ScalingoEvent): EventDescription => {
  const rendered = isKnownEvent(event) ? renderKnown(event) : { sentence: neutralSentence(event) }
  return {
    type: event.type,
    title: printableType(event.type || "unknown"),
    sentence: capped(rendered.sentence || neutralSentence(event)),
    who: rendered.who ?? defaultWho(event.user),
    at: eventTime(event),
    ...(has(event.app_name) ? { appName: event.app_name } : {}),
    ...(rendered.link !== undefined ? { link: rendered.link } : {})
  }
}
