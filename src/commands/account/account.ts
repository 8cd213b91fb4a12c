import { fn } from "../../tracing/fn.js"
import { Accounts } from "../../accounts/Accounts.js"
import { context, type Message, message, say, section } from "../../blockKit/blocks.js"
import { plain, slackDate } from "../../blockKit/text.js"
import type { AccountLink } from "../../storage/AccountLinks.js"
import { audited } from "../../runtime/auditTrail.js"
import { unreadableToken } from "../../runtime/errorMessages.js"
import type { SlashInvocation } from "../../runtime/interaction/Interaction.js"
import { Reply } from "../../runtime/replies/Reply.js"
import { linkBlocks } from "../../runtime/references.js"

/** `logout`: forgets the person's token and any bearer cached for it. */
export const logout = fn("Account.logout")(function* (invocation: SlashInvocation) {
  const accounts = yield* Accounts
  const before = yield* accounts.state(invocation.person)
  // Recorded when there is something to forget: a stranger's logout changes nothing and leaves no row.
  const removed =
    before._tag === "None"
      ? false
      : yield* audited(
          {
            person: invocation.person,
            channelId: invocation.channelId,
            action: "logout",
            scalingoUser: before._tag === "Linked" ? before.link.username : undefined
          },
          accounts.unlink(invocation.person)
        )
  const login = `\`${invocation.command} login\``
  return Reply.Private({
    message: say(
      removed
        ? `:wave: Your Scalingo token is forgotten. Run ${login} to link an account again.`
        : `You had no Scalingo account linked. Run ${login} to link one.`
    )
  })
})

/** Who someone acts as, in an answer only they see (the e-mail address is fine here, privately). */
const linkedMessage = (link: AccountLink, command: string) => {
  const who = `*${plain(link.username)}* (${plain(link.email)})`
  const text =
    link.rejectedAt !== null
      ? `:warning: You were linked to the Scalingo account ${who}, but Scalingo no longer accepts its token. ` +
        `Run \`${command} login\` to relink.`
      : `:bust_in_silhouette: You act as the Scalingo account ${who}.`
  const details = [`Linked ${slackDate(link.linkedAt)}`]
  if (link.lastUsedAt !== null) details.push(`last used ${slackDate(link.lastUsedAt)}`)
  const relink = link.rejectedAt !== null ? linkBlocks("Link again") : []
  return message(text, [section(text), context(details.join(" · ")), ...relink])
}

const withLink = (said: Message): Message => ({ ...said, blocks: [...said.blocks, ...linkBlocks()] })

/** `whoami`: the linked account, its state, or how to link one. */
export const whoami = fn("Account.whoami")(function* (invocation: SlashInvocation) {
  const accounts = yield* Accounts
  const found = yield* accounts.state(invocation.person)
  const command = invocation.command
  switch (found._tag) {
    case "Unreadable":
      return Reply.Private({ message: unreadableToken(command) })
    case "None":
      return Reply.Private({
        message: withLink(say(`You have not linked a Scalingo account. Run \`${command} login\` to link yours.`))
      })
    case "Linked":
      return Reply.Private({ message: linkedMessage(found.link, command) })
  }
})
