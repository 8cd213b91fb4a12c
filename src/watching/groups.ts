import { randomUUID } from "node:crypto"
import { type Duration, Effect, Either } from "effect"
import { Accounts } from "../accounts/Accounts.js"
import { Reply } from "../runtime/replies/Reply.js"
import { tagOf } from "../runtime/sentences/knownErrors.js"
import { PAUSE_REASONS, pausedNotice } from "./watchView.js"
import { CommandName } from "../runtime/interaction/Interaction.js"
import { AppsApi } from "../scalingo/AppsApi.js"
import type { ScalingoAccount } from "../scalingo/ScalingoAccount.js"
import { Leases } from "../storage/Leases.js"
import { type Subscription, Subscriptions } from "../storage/Subscriptions.js"
import { readApp, REQUESTS_PER_READ } from "./appRead.js"
import { deliver } from "./deliver.js"
import { showTo } from "./posting.js"
import { SlackMembers } from "./SlackMembers.js"

/** Subscriptions of one app read with one account: they share one read. */
export interface Group {
  readonly key: string
  readonly account: ScalingoAccount
  readonly region: string
  readonly app: string
  readonly subscriptions: Array<Subscription>
}

/** Why a read failure pauses a subscription; undefined when it is passing trouble (retried next time). */
export const pauseReasonOf = (error: unknown): string | undefined => {
  switch (tagOf(error) ?? "unknown") {
    case "DeadLink":
    case "Unauthorized":
      return PAUSE_REASONS.deadLink
    case "NoLinkedAccount":
      return PAUSE_REASONS.noLink
    case "NotFound":
    case "Forbidden":
      return PAUSE_REASONS.noAccess
    default:
      return undefined
  }
}

/** Pauses a subscription; only the call that paused it tells the channel (once), unless Slack is why. */
export const pause = (s: Subscription, reason: string, tell = true) =>
  Effect.gen(function* () {
    const subscriptions = yield* Subscriptions
    if (!(yield* subscriptions.pause(s, reason))) return
    yield* Effect.logWarning("subscription paused").pipe(
      Effect.annotateLogs({ app: s.app, channel: s.channelId, reason })
    )
    if (!tell) return
    const command = yield* CommandName
    yield* showTo(s, Reply.Post({ channel: s.channelId, message: pausedNotice(s, reason, command) })).pipe(
      Effect.catchAll((error) =>
        Effect.logWarning("could not tell a channel its subscription paused", { code: error.code })
      )
    )
  })

/** Groups subscriptions by app and reading account; a subscriber without a usable link pauses theirs. */
export const groupsOf = (subscriptions: ReadonlyArray<Subscription>) =>
  Effect.gen(function* () {
    const accounts = yield* Accounts
    const members = yield* SlackMembers
    const groups = new Map<string, Group>()
    for (const s of subscriptions) {
      // A person who left is not read for any more: their account is theirs, not the channel's.
      if (yield* members.isDeactivated(s.teamId, s.subscriberUserId)) {
        yield* pause(s, PAUSE_REASONS.subscriberLeft)
        continue
      }
      const linked = yield* Effect.either(accounts.require({ teamId: s.teamId, userId: s.subscriberUserId }))
      if (Either.isLeft(linked)) {
        const reason = pauseReasonOf(linked.left)
        if (reason !== undefined) yield* pause(s, reason)
        continue
      }
      const key = `${linked.right.account.key}|${s.region}|${s.app}`
      const group = groups.get(key)
      if (group === undefined) {
        groups.set(key, { key, account: linked.right.account, region: s.region, app: s.app, subscriptions: [s] })
      } else group.subscriptions.push(s)
    }
    return [...groups.values()]
  })

export interface GroupOptions {
  readonly replica: string
  readonly leaseTtl: Duration.DurationInput
  readonly pace: (accountKey: string, requests: number) => Effect.Effect<void>
}

/**
 * One read for a group, delivered to each of its subscriptions, under a lease on the group so that
 * no two replicas (nor the poller and a doorbell) deliver the same app at once. "busy" when another holds it.
 */
export const deliverGroup = (group: Group, options: GroupOptions) =>
  Effect.gen(function* () {
    const leases = yield* Leases
    const accounts = yield* Accounts
    const apps = yield* AppsApi
    const name = `watch:${group.key}`
    const holder = `${options.replica}:${randomUUID()}`
    // The turn is waited for before the lease is taken: a replica killed while waiting holds nothing.
    yield* options.pace(group.account.key, REQUESTS_PER_READ)
    if (!(yield* leases.acquire(name, holder, options.leaseTtl))) return "busy" as const
    return yield* Effect.gen(function* () {
      const [first] = group.subscriptions
      const person = { teamId: first!.teamId, userId: first!.subscriberUserId }
      const read = yield* Effect.either(
        accounts.actingAs(person, ({ account }) =>
          Effect.map(readApp(account, group.region, group.app), (read) => ({ account, read }))
        )
      )
      if (Either.isLeft(read)) {
        const reason = pauseReasonOf(read.left)
        if (reason === undefined) {
          yield* Effect.logWarning("could not read a watched app; trying again next time").pipe(
            Effect.annotateLogs({ app: group.app, error: tagOf(read.left) ?? "unknown" })
          )
        } else yield* Effect.forEach(group.subscriptions, (s) => pause(s, reason), { discard: true })
        return "read" as const
      }
      const { account } = read.right
      const appStatus = yield* Effect.cached(
        apps.show(account, group.region, group.app).pipe(
          Effect.map((app) => app.status as string | undefined),
          Effect.orElseSucceed(() => undefined)
        )
      )
      for (const s of group.subscriptions) {
        // Renewed before each subscription, so a long delivery keeps it and a killed replica loses it soon.
        if (!(yield* leases.acquire(name, holder, options.leaseTtl))) break
        yield* deliver(s, { account, read: read.right.read, appStatus }).pipe(
          Effect.catchTag("SlackRefused", (refused) =>
            refused.pauses
              ? pause(s, PAUSE_REASONS.slackRefused(refused.code), false)
              : Effect.logWarning("Slack did not take a subscription's message; trying again next time", {
                  code: refused.code
                })
          ),
          Effect.catchAllCause((cause) => Effect.logWarning("could not deliver to a subscription", cause))
        )
      }
      return "read" as const
    }).pipe(Effect.ensuring(Effect.ignore(leases.release(name, holder))))
  })
