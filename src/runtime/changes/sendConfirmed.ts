import { Effect } from "effect"
import { Accounts } from "../../accounts/Accounts.js"
import type { ScalingoAccount } from "../../scalingo/ScalingoAccount.js"
import type { PendingChange } from "../../storage/PendingChanges.js"
import { audited } from "../auditTrail.js"
import type { Confirmer } from "./executors.js"

/**
 * Sends a confirmed change once, with the confirmer's own account, inside its audit record (written
 * before it is sent, completed with the outcome and `refOf`'s Scalingo id). The account comes back
 * with the result so the executor can follow the operation with it.
 */
export const sendConfirmed = <A, E, R>(
  change: PendingChange,
  confirmer: Confirmer,
  details: unknown,
  send: (account: ScalingoAccount) => Effect.Effect<A, E, R>,
  refOf: (result: A) => string | undefined
) =>
  Effect.flatMap(Accounts, (accounts) =>
    accounts.actingAs(confirmer.person, ({ account, link }) =>
      Effect.map(
        audited(
          {
            person: confirmer.person,
            channelId: change.channelId,
            action: change.action,
            app: change.app,
            region: change.region,
            scalingoUser: link.username,
            details
          },
          send(account),
          refOf
        ),
        (result) => ({ account, result })
      )
    )
  )
