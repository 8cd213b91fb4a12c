import { Effect, Option } from "effect"
import { storedChangeAction } from "../../policies/policy.js"
import { PendingChanges } from "../../storage/PendingChanges.js"
import type { GateTarget } from "../feature.js"
import { ChangeId } from "./confirmationView.js"

/**
 * What a stored change does, for the channel's policy at the moment it is confirmed: its action, its
 * app and the channel it was asked in (read back from storage, never from the click).
 */
export const storedChangeTarget = (teamId: string, rawId: string | undefined) =>
  Effect.gen(function* () {
    const id = ChangeId.decode(rawId)
    if (Option.isNone(id)) return undefined
    const found = yield* (yield* PendingChanges).find(teamId, id.value)
    if (Option.isNone(found)) return undefined
    const change = found.value
    return {
      action: storedChangeAction(change.action),
      app: change.app,
      channelId: change.channelId
    } satisfies GateTarget
  })
