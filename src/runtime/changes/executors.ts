import type { Effect } from "effect"
import type { Message } from "../../blockKit/blocks.js"
import type { PendingChange } from "../../storage/PendingChanges.js"
import type { RuntimeServices } from "../feature.js"
import type { Person } from "../interaction/Interaction.js"
import type { Conversation } from "../replies/Replies.js"
import type { KnownError } from "../sentences/knownErrors.js"

/** Who confirmed a change (always its asker), and the command name for sentences. */
export interface Confirmer {
  readonly person: Person
  readonly command: string
}

/**
 * What carries out a confirmed change (a restart, a scale): it runs once per confirmation, after the
 * atomic claim, with the confirmer's own account, tells the channel, and answers with what the
 * question becomes (sent, or why not).
 */
export type ChangeExecutor = (
  change: PendingChange,
  confirmer: Confirmer
) => Effect.Effect<Message, KnownError, RuntimeServices | Conversation>
