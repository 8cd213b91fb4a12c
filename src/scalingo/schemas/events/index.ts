import { Schema } from "effect"
import { AccountEvents } from "./account.js"
import { AddonEvents } from "./addons.js"
import { AppEvents } from "./app.js"
import { UnknownEvent } from "./base.js"
import { BillingEvents } from "./billing.js"
import { CollaboratorEvents } from "./collaborators.js"
import { DatabaseEvents } from "./databases.js"
import { DomainEvents } from "./domains.js"
import { NotifierEvents } from "./notifiers.js"
import { ProjectEvents } from "./projects.js"
import { ScmEvents } from "./scm.js"
import { VariableEvents } from "./variables.js"

/**
 * A Scalingo event: one variant per known type (the 96 of go-scalingo v11.3.0), plus `UnknownEvent`
 * for any type Scalingo adds later. Decoding never fails on an object: unknown fields are ignored,
 * a mis-shaped `type_data` field reads as absent, and an unknown type lands in `UnknownEvent`
 * (Schema.Union tries literal-tagged members first, then the untagged fallback).
 *
 * Narrow with `isKnownEvent` before switching on `type`: `UnknownEvent.type` is any string.
 */

const KNOWN_VARIANTS = [
  ...AppEvents,
  ...DomainEvents,
  ...ScmEvents,
  ...AddonEvents,
  ...DatabaseEvents,
  ...CollaboratorEvents,
  ...VariableEvents,
  ...NotifierEvents,
  ...AccountEvents,
  ...BillingEvents,
  ...ProjectEvents
] as const

export const KnownEvent = Schema.Union(...KNOWN_VARIANTS)
export type KnownEvent = typeof KnownEvent.Type
export type KnownEventType = KnownEvent["type"]
/** The variant of one known type, e.g. `EventOf<"scale">`. */
export type EventOf<T extends KnownEventType> = Extract<KnownEvent, { readonly type: T }>

export const ScalingoEvent = Schema.Union(...KNOWN_VARIANTS, UnknownEvent)
export type ScalingoEvent = typeof ScalingoEvent.Type

/** Every known type name, e.g. "scale", "database/add_feature". */
export const EVENT_TYPES: ReadonlyArray<KnownEventType> = KNOWN_VARIANTS.map(
  (variant) => variant.fields.type.literals[0]
)
const KNOWN_TYPES: ReadonlySet<string> = new Set(EVENT_TYPES)

export const isKnownEventType = (type: string): type is KnownEventType => KNOWN_TYPES.has(type)
export const isKnownEvent = (event: ScalingoEvent): event is KnownEvent => KNOWN_TYPES.has(event.type)

export { eventTime, EventUser, UnknownEvent } from "./base.js"
export type { EventBase } from "./base.js"
export { ContainerFormation } from "./app.js"
export type { AccountEventType } from "./account.js"
export type { AddonEventType } from "./addons.js"
export type { AppEventType } from "./app.js"
export type { BillingEventType } from "./billing.js"
export type { CollaboratorEventType } from "./collaborators.js"
export type { DatabaseEventType } from "./databases.js"
export type { DomainEventType } from "./domains.js"
export type { NotifierEventType } from "./notifiers.js"
export type { ProjectEventType } from "./projects.js"
export type { ScmEventType } from "./scm.js"
export type { VariableEventType } from "./variables.js"
