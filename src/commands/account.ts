import { Effect, Option } from "effect"
import { BearerTokens } from "../scalingo/BearerTokens.js"
import { scalingoAccount } from "../scalingo/ScalingoAccount.js"
import { context, escapeMrkdwn, message, section, slackDate } from "../slack/blocks.js"
import { SlackWeb } from "../slack/SlackWeb.js"
import { AccountLinks } from "../storage/AccountLinks.js"
import { type SlashInvocation, CommandName } from "./Interaction.js"

/** `logout`: forgets the person's token and any bearer cached for it. */
export const logout = Effect.fn("Account.logout")(function* (invocation: SlashInvocation) {
  const links = yield* AccountLinks
  const bearers = yield* BearerTokens
  const slack = yield* SlackWeb
  const slackCommand = yield* CommandName
  const { teamId, userId } = invocation.person
  const existing = yield* links.find(teamId, userId)
  if (Option.isSome(existing)) yield* bearers.forget(scalingoAccount(existing.value.apiToken))
  const removed = yield* links.remove(teamId, userId)
  const text = removed
    ? `:wave: Your Scalingo token is forgotten. Run \`${slackCommand} login\` to link an account again.`
    : `You had no Scalingo account linked. Run \`${slackCommand} login\` to link one.`
  if (removed) yield* Effect.logInfo("account unlinked")
  yield* slack.respond(invocation.responseUrl, { message: message(text, [section(text)]) })
})

/** `whoami`: the linked account, its state, or how to link one. */
export const whoami = Effect.fn("Account.whoami")(function* (invocation: SlashInvocation) {
  const links = yield* AccountLinks
  const slack = yield* SlackWeb
  const slackCommand = yield* CommandName
  const found = yield* links.find(invocation.person.teamId, invocation.person.userId).pipe(
    Effect.map((link) => ({ link, unreadable: false })),
    Effect.catchIf(
      (e) => e.reason === "unsealable",
      () => Effect.succeed({ link: Option.none(), unreadable: true })
    )
  )
  if (found.unreadable) {
    const text = `:warning: Your stored Scalingo token can no longer be read (the bot's encryption key changed). Run \`${slackCommand} login\` to link your account again.`
    return yield* slack.respond(invocation.responseUrl, { message: message(text, [section(text)]) })
  }
  const reply = Option.match(found.link, {
    onNone: () => {
      const text = `You have not linked a Scalingo account. Run \`${slackCommand} login\` to link yours.`
      return message(text, [section(text)])
    },
    onSome: (link) => {
      const who = `*${escapeMrkdwn(link.username)}* (${escapeMrkdwn(link.email)})`
      const text =
        link.rejectedAt !== null
          ? `:warning: You were linked to the Scalingo account ${who}, but Scalingo no longer accepts its token. Run \`${slackCommand} login\` to relink.`
          : `:bust_in_silhouette: You act as the Scalingo account ${who}.`
      const details = [`Linked ${slackDate(link.linkedAt)}`]
      if (link.lastUsedAt !== null) details.push(`last used ${slackDate(link.lastUsedAt)}`)
      return message(text, [section(text), context(details.join(" · "))])
    }
  })
  yield* slack.respond(invocation.responseUrl, { message: reply })
})
