import { Context, Effect, Layer, Option } from "effect"
import { ChannelPolicies } from "../storage/ChannelPolicies.js"
import type { StorageError } from "../storage/StorageError.js"
import {
  allowedByEveryPolicy,
  decide,
  defaultPolicy,
  type EffectivePolicy,
  fromChannel,
  type Intent,
  isDirectMessage,
  type Verdict
} from "./policy.js"
import { PolicySettings } from "./PolicySettings.js"
import { WorkspaceAdmins } from "./WorkspaceAdmins.js"

export interface PolicyGateService {
  /**
   * The policy that applies in a channel, to everyone acting in it whatever their workspace (a direct
   * message, or no channel, follows the default).
   */
  readonly effective: (channelId: string | undefined) => Effect.Effect<EffectivePolicy, StorageError>
  /** The single check every command, click and confirmation goes through before Scalingo hears of it. */
  readonly check: (channelId: string | undefined, intent: Intent) => Effect.Effect<Verdict, StorageError>
  /** BOT_ADMINS, or an admin or owner of the workspace the bot is installed in (never of another one). */
  readonly isAdmin: (teamId: string, userId: string) => Effect.Effect<boolean>
  /** The BOT_ADMINS ids, to name who can change a policy. */
  readonly botAdmins: ReadonlyArray<string>
}

export class PolicyGate extends Context.Tag("bot/policies/PolicyGate")<PolicyGate, PolicyGateService>() {
  static readonly layer: Layer.Layer<PolicyGate, never, ChannelPolicies | PolicySettings | WorkspaceAdmins> =
    Layer.effect(
      PolicyGate,
      Effect.gen(function* () {
        const policies = yield* ChannelPolicies
        const settings = yield* PolicySettings
        const admins = yield* WorkspaceAdmins
        const effective = (channelId: string | undefined) =>
          isDirectMessage(channelId)
            ? Effect.succeed(defaultPolicy(settings.defaultPolicy))
            : Effect.map(policies.get(channelId!), (found) =>
                Option.match(found, { onNone: () => defaultPolicy(settings.defaultPolicy), onSome: fromChannel })
              )
        return PolicyGate.of({
          effective,
          check: (channelId, intent) =>
            allowedByEveryPolicy(intent)
              ? Effect.succeed<Verdict>({ _tag: "Allowed" })
              : Effect.map(effective(channelId), (p) => decide(p, intent)),
          isAdmin: (teamId, userId) =>
            settings.botAdmins.includes(userId) ? Effect.succeed(true) : admins.isAdmin(teamId, userId),
          botAdmins: settings.botAdmins
        })
      })
    )
}
