import { randomBytes } from "node:crypto"
import { Effect, Option, Redacted } from "effect"
import { Accounts } from "../accounts/Accounts.js"
import { tagOf } from "../runtime/sentences/knownErrors.js"
import { AppDirectory } from "../accounts/AppDirectory.js"
import { NotifiersApi, eventIdsFor } from "../scalingo/NotifiersApi.js"
import type { ScalingoAccount } from "../scalingo/ScalingoAccount.js"
import { DeliveryLedger } from "../storage/DeliveryLedger.js"
import {
  type Follow,
  type Subscription,
  type SubscriptionKey,
  Subscriptions,
  webhookSecretHashOf
} from "../storage/Subscriptions.js"
import { readApp } from "./appRead.js"
import { recordBaseline } from "./baseline.js"
import { oneAtATime } from "./oneAtATime.js"
import { WEBHOOK_PATH, WatchSettings } from "./WatchSettings.js"
import { audited } from "../runtime/auditTrail.js"
import type { Person } from "../runtime/interaction/Interaction.js"

/** What subscribing changes: a channel, an app, what it follows, whose account reads it. */
export interface SubscribeRequest {
  readonly person: Person
  readonly channelId: string
  readonly app: string
  readonly follows: ReadonlyArray<Follow>
}

export interface Subscribed {
  readonly subscription: Subscription
  /** A webhook notifier was registered (PUBLIC_URL set and Scalingo accepted it). */
  readonly pushed: boolean
  /** PUBLIC_URL is set but Scalingo refused the notifier: polling only. */
  readonly pushRefused: boolean
}

/** Registers a webhook notifier whose URL carries a fresh secret; only the secret's hash is kept. */
const registerNotifier = (account: ScalingoAccount, region: string, request: SubscribeRequest, publicUrl: string) =>
  Effect.gen(function* () {
    const notifiers = yield* NotifiersApi
    const secret = Redacted.make(randomBytes(32).toString("base64url"))
    const platform = yield* notifiers.webhookPlatform(account, region)
    const eventIds = eventIdsFor(request.follows, yield* notifiers.eventTypes(account, region), platform)
    const created = yield* notifiers.create(account, region, request.app, {
      name: `Slack bot (channel ${request.channelId})`.slice(0, 60),
      webhookUrl: Redacted.make(`${publicUrl}${WEBHOOK_PATH}/${Redacted.value(secret)}`),
      eventIds
    })
    return { notifierId: created.id, webhookSecretHash: webhookSecretHashOf(secret) }
  })

/**
 * THE change of `subscribe` (the seam a policy check and an audit record wrap): checks at once that
 * the person's account reads the app (one read of its newest events and deployments), records that
 * read as the baseline, registers the webhook notifier when PUBLIC_URL is set, then stores the
 * subscription (resuming a paused one). Subscribing again replaces the previous notifier.
 */
export const subscribeApp = (request: SubscribeRequest) =>
  Effect.gen(function* () {
    const accounts = yield* Accounts
    const directory = yield* AppDirectory
    const subscriptions = yield* Subscriptions
    const settings = yield* WatchSettings
    const notifiers = yield* NotifiersApi
    const key = { teamId: request.person.teamId, channelId: request.channelId, app: request.app }
    return yield* oneAtATime(
      key,
      Effect.flatMap(subscriptions.find(key), (previous) =>
        accounts.actingAs(request.person, ({ account, link }) =>
          audited(
            {
              person: request.person,
              channelId: request.channelId,
              action: "subscribe",
              app: request.app,
              scalingoUser: link.username,
              details: { follows: request.follows }
            },
            Effect.gen(function* () {
              // An app shared with the person within the last minute is not in their cached list yet:
              // read it again once.
              const { region } = yield* directory
                .find(account, request.app)
                .pipe(
                  Effect.catchTag("NotFound", () =>
                    Effect.zipRight(directory.forget(account), directory.find(account, request.app))
                  )
                )
              const read = yield* readApp(account, region, request.app)
              yield* recordBaseline(key, read, new Date())
              if (Option.isSome(previous) && previous.value.notifierId !== null) {
                yield* notifiers
                  .remove(account, previous.value.region, request.app, previous.value.notifierId)
                  .pipe(
                    Effect.catchAll((error) =>
                      Effect.logWarning("could not remove the previous notifier", { error: error._tag })
                    )
                  )
              }
              const notifier = Option.isNone(settings.publicUrl)
                ? undefined
                : yield* Effect.either(registerNotifier(account, region, request, settings.publicUrl.value))
              if (notifier?._tag === "Left") {
                yield* Effect.logWarning("Scalingo refused a webhook notifier; polling only").pipe(
                  Effect.annotateLogs({ error: notifier.left._tag, detail: notifier.left.message.slice(0, 200) })
                )
              }
              const pushed = notifier?._tag === "Right" ? notifier.right : undefined
              const subscription = yield* subscriptions.upsert({
                ...key,
                region,
                follows: request.follows,
                subscriberUserId: request.person.userId,
                notifierId: pushed?.notifierId ?? null,
                webhookSecretHash: pushed?.webhookSecretHash ?? null
              })
              return {
                subscription,
                pushed: pushed !== undefined,
                pushRefused: notifier?._tag === "Left"
              } as Subscribed
            }),
            (done) => done.subscription.notifierId ?? undefined
          )
        )
      )
    )
  })

/**
 * THE change of `unsubscribe` (the seam a policy check and an audit record wrap): removes the
 * subscription and what it saw, and deletes its webhook notifier with the subscriber's account (or, if
 * theirs no longer works, the person's). None when the channel was not subscribed.
 */
export const unsubscribeApp = (request: {
  readonly person: Person
  readonly channelId: string
  readonly app: string
}) =>
  Effect.gen(function* () {
    const subscriptions = yield* Subscriptions
    const key = { teamId: request.person.teamId, channelId: request.channelId, app: request.app }
    if (Option.isNone(yield* subscriptions.find(key))) return Option.none()
    return yield* oneAtATime(
      key,
      audited(
        { person: request.person, channelId: request.channelId, action: "unsubscribe", app: request.app },
        removeSubscription(key, request.person)
      )
    )
  })

/** Removes a subscription, what it saw and its webhook notifier (recorded by `unsubscribeApp`). */
const removeSubscription = (key: SubscriptionKey, person: Person) =>
  Effect.gen(function* () {
    const accounts = yield* Accounts
    const subscriptions = yield* Subscriptions
    const ledger = yield* DeliveryLedger
    const notifiers = yield* NotifiersApi
    const removed = yield* subscriptions.remove(key)
    if (Option.isNone(removed)) return removed
    yield* ledger.forget(key)
    const { notifierId, region, subscriberUserId } = removed.value
    if (notifierId !== null) {
      const removeWith = (userId: string) =>
        accounts.actingAs({ teamId: person.teamId, userId }, ({ account }) =>
          notifiers.remove(account, region, key.app, notifierId)
        )
      yield* removeWith(subscriberUserId).pipe(
        Effect.orElse(() => removeWith(person.userId)),
        Effect.catchAll((error) =>
          Effect.logWarning("could not delete a subscription's notifier").pipe(
            Effect.annotateLogs({ error: tagOf(error) ?? "unknown" })
          )
        )
      )
    }
    return removed
  })
