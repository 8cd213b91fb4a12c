import type { Effect } from "effect"
import type { PendingChange } from "../../storage/PendingChanges.js"
import type { CommandServices } from "../feature.js"
import type { ButtonClick } from "../interaction/Interaction.js"
import type { Conversation } from "../replies/Replies.js"
import type { Reply } from "../replies/Reply.js"

/**
 * What carries out a confirmed change (a restart, a scale): it runs once per confirmation, after the
 * atomic claim, with the confirmer's own account, and answers with what to show.
 */
export type ChangeExecutor = (
  change: PendingChange,
  click: ButtonClick
) => Effect.Effect<Reply | ReadonlyArray<Reply>, unknown, CommandServices | Conversation>
