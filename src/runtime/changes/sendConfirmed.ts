import { Effect } from "effect"
import { Accounts } from "../../accounts/Accounts.js"
import { audited } from "../auditTrail.js"
import type { Confirmer } from "./executors.js"
import type { ChangeKind, ChangeTarget } from "./kinds.js"

/** A change about to be sent: what, where, and the channel it was asked for. */
export interface Sending<C> {
  readonly change: C
  readonly target: ChangeTarget
  readonly channelId: string | undefined
}

/**
 * Sends a confirmed change once, with the confirmer's own account, inside its audit record (written
 * before it is sent, completed with the outcome and the kind's Scalingo id). The account comes back
 * with the result so the change's progress can be read with it.
 */
export const sendChange = <C extends { readonly _tag: string }, A>(
  kind: ChangeKind<C, A>,
  sending: Sending<C>,
  confirmer: Confirmer
) =>
  Effect.flatMap(Accounts, (accounts) =>
    accounts.actingAs(confirmer.person, ({ account, link }) =>
      Effect.map(
        audited(
          {
            person: confirmer.person,
            channelId: sending.channelId,
            action: kind.action,
            app: sending.target.app,
            region: sending.target.region,
            scalingoUser: link.username,
            details: kind.audit(sending.change)
          },
          kind.send(sending.change, sending.target, account),
          kind.ref
        ),
        (result) => ({ account, result })
      )
    )
  )
