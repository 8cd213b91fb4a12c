import { fn } from "../../tracing/fn.js"
import { Effect } from "effect"
import { PolicyGate } from "../../policies/PolicyGate.js"
import { applyRequest, type ChangeWords, isDirectMessage, parsePolicyWords } from "../../policies/policy.js"
import { ChannelPolicies } from "../../storage/ChannelPolicies.js"
import { audited } from "../../runtime/auditTrail.js"
import type { SlashInvocation } from "../../runtime/interaction/Interaction.js"
import { Reply } from "../../runtime/replies/Reply.js"
import { changedMessage, noPolicyInDirectMessages, notAdmin, policyMessage, policyUsage } from "./policyView.js"

/**
 * `policy`, `policy read-only`, `policy allow <action> …`, `policy apps <pattern> …`, `policy reset`.
 * Anyone may read a channel's policy (privately); only the bot's admins and the workspace's admins and
 * owners may change it. A change is recorded in the audit trail and announced in the channel.
 */
export const policy = (changeWords: ChangeWords) =>
  fn("Policy.command")(function* (invocation: SlashInvocation, args: ReadonlyArray<string>) {
    const gate = yield* PolicyGate
    const policies = yield* ChannelPolicies
    const { person, channelId, command } = invocation
    const request = parsePolicyWords(args, changeWords)
    if (request._tag === "Invalid") {
      return Reply.Private({ message: policyUsage(command, request.problem, request.words) })
    }
    const current = yield* gate.effective(channelId)
    if (request._tag === "Show") {
      return Reply.Private({ message: policyMessage(current, channelId, gate.botAdmins, command) })
    }
    if (isDirectMessage(channelId)) return Reply.Private({ message: noPolicyInDirectMessages(command) })
    if (!(yield* gate.isAdmin(person.teamId, person.userId))) {
      return Reply.Private({ message: notAdmin(gate.botAdmins) })
    }
    const details =
      request._tag === "Reset"
        ? { set: "reset" }
        : request._tag === "Allow"
          ? { set: "allow", actions: request.actions }
          : request._tag === "Apps"
            ? { set: "apps", patterns: request.patterns }
            : { set: "read-only" }
    yield* audited(
      { person, channelId, action: "policy", details: { ...details, before: current.mode } },
      request._tag === "Reset"
        ? Effect.asVoid(policies.reset(channelId))
        : Effect.asVoid(
            policies.set(applyRequest(current, request, { teamId: person.teamId, channelId, by: person.userId }))
          )
    )
    const after = yield* gate.effective(channelId)
    const announcement = changedMessage(person.userId, channelId, after)
    return Reply.Post({ message: announcement, orPrivately: () => announcement })
  })
