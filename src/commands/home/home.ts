import { Effect, Option } from "effect"
import { Accounts } from "../../accounts/Accounts.js"
import { AppDirectory } from "../../accounts/AppDirectory.js"
import { say } from "../../blockKit/blocks.js"
import { scalingoAccount } from "../../scalingo/ScalingoAccount.js"
import { AuditRecords } from "../../storage/AuditRecords.js"
import { Stars } from "../../storage/Stars.js"
import { Subscriptions } from "../../storage/Subscriptions.js"
import type { Handler } from "../../runtime/feature.js"
import type { ButtonClick, Person, SlashInvocation } from "../../runtime/interaction/Interaction.js"
import { loginForm } from "../login/loginViews.js"
import { ModalOriginCodec } from "../../runtime/modals/modalOrigin.js"
import { show } from "../../runtime/replies/Replies.js"
import { Reply } from "../../runtime/replies/Reply.js"
import { type HomeFacts, homeView, starredMessage } from "./homeView.js"

/** How long the statuses may take: past it the Home is published with "unknown" statuses. */
const READ_BUDGET = "2500 millis"

/**
 * What the person's App Home shows. Statuses come from the account's app directory, read at most once
 * a minute, so opening the tab again within a minute makes no Scalingo request. The channels "they are
 * in, as far as the bot knows" are those where they subscribed or made a change through the bot.
 */
export const homeFacts = (person: Person, command: string) =>
  Effect.gen(function* () {
    const accounts = yield* Accounts
    const directory = yield* AppDirectory
    const state = yield* accounts.state(person)
    const stars = yield* (yield* Stars).list(person.teamId, person.userId)
    const linked = state._tag === "Linked" ? state.link : undefined
    const statuses =
      linked === undefined || linked.rejectedAt !== null || stars.length === 0
        ? undefined
        : Option.getOrUndefined(
            yield* directory.apps(scalingoAccount(linked.apiToken)).pipe(Effect.timeout(READ_BUDGET), Effect.option)
          )
    const all = yield* (yield* Subscriptions).forTeam(person.teamId)
    const changes = yield* (yield* AuditRecords).list(person.teamId, { userId: person.userId }, 1, 100)
    const channels = new Set([
      ...all.filter((s) => s.subscriberUserId === person.userId).map((s) => s.channelId),
      ...changes.records.map((r) => r.channelId)
    ])
    return {
      account: linked === undefined ? undefined : { username: linked.username, rejected: linked.rejectedAt !== null },
      stars,
      statuses: statuses === undefined ? undefined : new Map(statuses.map((a) => [`${a.name}/${a.region}`, a.status])),
      subscriptions: all.filter((s) => channels.has(s.channelId)),
      command
    } satisfies HomeFacts
  })

/** `app_home_opened`: the person's view, published. */
export const openedHome = (person: Person, command: string) =>
  Effect.map(homeFacts(person, command), (facts) => Reply.PublishHome({ view: homeView(facts) }))

/** The App Home's Link button: the login form (the same as `login`). */
export const linkFromHome: Handler<ButtonClick> = () =>
  Effect.succeed(Reply.OpenModal({ view: loginForm(ModalOriginCodec.encode({})) }))

/** `star <app>` (the app card's Star, an apps row's menu): the app goes on the person's App Home. */
export const star: Handler<SlashInvocation> = (invocation, args) =>
  Effect.gen(function* () {
    const accounts = yield* Accounts
    const directory = yield* AppDirectory
    const app = args[0] ?? ""
    const { region } = yield* accounts.actingAs(invocation.person, ({ account }) => directory.find(account, app))
    yield* (yield* Stars).star(invocation.person.teamId, invocation.person.userId, app, region)
    return yield* afterStarring(invocation, app, true)
  })

/** `unstar <app>` (the App Home's Unstar): no Scalingo request. */
export const unstar: Handler<SlashInvocation> = (invocation, args) =>
  Effect.gen(function* () {
    const stars = yield* Stars
    const app = args[0] ?? ""
    const { teamId, userId } = invocation.person
    for (const s of yield* stars.list(teamId, userId)) {
      if (s.app === app) yield* stars.unstar(teamId, userId, app, s.region)
    }
    return yield* afterStarring(invocation, app, false)
  })

/**
 * The App Home is published again, best effort (a Home that cannot be published is no reason to fail
 * the star); a click from the Home itself needs no other answer.
 */
const afterStarring = (invocation: SlashInvocation, app: string, starred: boolean) =>
  Effect.gen(function* () {
    const published = yield* openedHome(invocation.person, invocation.command)
    yield* show(published).pipe(
      Effect.catchAll((error) => Effect.logWarning("could not publish the App Home", { code: error.code }))
    )
    return invocation.channelId === ""
      ? Reply.Nothing()
      : Reply.Private({ message: say(starredMessage(app, starred, invocation.command)) })
  })
