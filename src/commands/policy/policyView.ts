import { context, type Message, message, say, section } from "../../blockKit/blocks.js"
import { code, listOf, slackDate } from "../../blockKit/text.js"
import { modal, type View } from "../../blockKit/views.js"
import {
  allowedChanges,
  type EffectivePolicy,
  POLICY_ACTIONS,
  POLICY_VERBS,
  type Verdict
} from "../../policies/policy.js"
import { closestNames } from "../../runtime/declarations.js"

/** Every sentence about channel policies: what one allows, refusals, changes and their announcements. */

const where = (channelId: string | undefined) =>
  channelId === undefined || channelId === "" || channelId.startsWith("D")
    ? "direct messages with the bot"
    : `<#${channelId}>`

/** "restart and scale" / "every change (create, restart, scale, subscribe)" / "no change". */
const changesText = (policy: EffectivePolicy) => {
  if (policy.mode === "all") return `every change (${POLICY_ACTIONS.join(", ")})`
  const allowed = allowedChanges(policy)
  return allowed.length === 0 ? "no change" : listOf(allowed.map((a) => code(a)))
}

const appsText = (policy: EffectivePolicy) =>
  policy.appPatterns.length === 0 ? "any app" : `only the apps ${listOf(policy.appPatterns.map((p) => code(p)))}`

/** The policy in one sentence: "read-only: reading, and no change, for any app". */
export const describePolicy = (policy: EffectivePolicy): string =>
  `*${policy.mode === "read-only" ? "read-only" : policy.mode === "all" ? "all changes" : "some changes"}*: ` +
  `reading, and ${changesText(policy)}, for ${appsText(policy)}`

const sourceText = (policy: EffectivePolicy) =>
  policy.source === "default"
    ? "the bot's default (no policy of its own)"
    : `its own policy, set by <@${policy.updatedBy ?? "?"}>` +
      (policy.updatedAt !== undefined ? ` ${slackDate(policy.updatedAt)}` : "")

export const whoCanChange = (botAdmins: ReadonlyArray<string>) =>
  `the workspace's admins and owners${
    botAdmins.length > 0 ? `, and ${listOf(botAdmins.map((id) => `<@${id}>`))} (the bot's admins)` : ""
  }`

/** Why the channel's policy refused: which policy, where, and who can change it. Private. */
export const refusalMessage = (
  verdict: Extract<Verdict, { _tag: "Refused" }>,
  channelId: string | undefined,
  botAdmins: ReadonlyArray<string>
): Message => {
  const policy = verdict.policy
  const what =
    verdict.because === "action"
      ? `${code(verdict.intent.action)} is not allowed in ${where(channelId)}`
      : `${code(verdict.intent.app ?? "")} is not one of the apps allowed in ${where(channelId)}`
  const text = `:no_entry: ${what}: its policy is ${describePolicy(policy)} (${sourceText(policy)}).`
  return message(`${what}. Nothing was sent to Scalingo.`, [
    section(`${text} Nothing was sent to Scalingo.`),
    context(`Who can change it: ${whoCanChange(botAdmins)}, with \`policy\` in that channel.`)
  ])
}

/** A refusal where a modal was submitted. */
export const refusalModal = (refused: Message): View =>
  modal({ callbackId: "policy_refused", title: "Not allowed here", close: "Close", blocks: refused.blocks })

/** `policy`: what this channel allows, privately, and how to change it. */
export const policyMessage = (
  policy: EffectivePolicy,
  channelId: string,
  botAdmins: ReadonlyArray<string>,
  command: string
): Message => {
  const text = `The policy of ${where(channelId)} is ${describePolicy(policy)}; it follows ${sourceText(policy)}.`
  return message(text, [
    section(text),
    context(
      `Who can change it: ${whoCanChange(botAdmins)}. ` +
        `\`${command} policy read-only\`, \`${command} policy allow restart scale\`, ` +
        `\`${command} policy apps acme-*\`, \`${command} policy reset\`. ` +
        "Scalingo's own roles still apply: a policy only narrows what people may do here."
    )
  ])
}

/** The announcement of a change, in the channel. */
export const changedMessage = (who: string, channelId: string, after: EffectivePolicy): Message =>
  say(
    `:shield: <@${who}> changed the policy of ${where(channelId)}: now ${describePolicy(after)}` +
      (after.source === "default" ? " (back to the bot's default)." : "."),
    "Changes made through the bot here are limited to that; Scalingo's own roles still apply."
  )

export const notAdmin = (botAdmins: ReadonlyArray<string>): Message =>
  say(`:no_entry: Only ${whoCanChange(botAdmins)} can change a channel's policy. Nothing was changed.`)

export const noPolicyInDirectMessages = (command: string): Message =>
  say(
    "Policies belong to channels: direct messages with the bot follow the bot's default. " +
      `Run \`${command} policy …\` in the channel to set up.`
  )

/** " Did you mean `restart`?" when the first word not understood is a slip of one of `known`. */
const didYouMean = (words: ReadonlyArray<string>, known: ReadonlyArray<string>, prefix = "") => {
  const meant = words[0] === undefined ? [] : closestNames(words[0], known, 2)
  return meant.length === 0 ? "" : ` Did you mean ${meant.map((m) => code(`${prefix}${m}`)).join(" or ")}?`
}

export const policyUsage = (command: string, problem: "usage" | "action" | "pattern", words: ReadonlyArray<string>) =>
  say(
    problem === "action"
      ? `:warning: ${listOf(words.map((w) => code(w, 30)))} is not a change a policy knows: ` +
          `choose from ${POLICY_ACTIONS.map((a) => code(a)).join(", ")} (or \`all\`).` +
          didYouMean(words, POLICY_ACTIONS)
      : problem === "pattern"
        ? `:warning: ${listOf(words.map((w) => code(w, 70)))} is not an app name or a prefix ending in \`*\`.`
        : `:warning: I did not understand that policy.${didYouMean(words, POLICY_VERBS, "policy ")}`,
    `\`${command} policy\` · \`${command} policy read-only\` · \`${command} policy allow restart scale\` · ` +
      `\`${command} policy apps acme-* billing\` · \`${command} policy apps *\` · \`${command} policy reset\``
  )
