import { Match, Schema } from "effect"
import { actions, button, context, type Message, message, section } from "../../blockKit/blocks.js"
import { LIMITS } from "../../blockKit/limits.js"
import { code, notificationText, plain, slackDate } from "../../blockKit/text.js"
import type { PendingChange } from "../../storage/PendingChanges.js"
import type { Guard } from "./kinds.js"
import { jsonCodec } from "../codecs.js"

export const CONFIRM_ACTION = "confirm_change"
export const CANCEL_ACTION = "cancel_change"

/** A confirmation button carries only the stored change's id: what it does is read back from storage. */
export const ChangeId = jsonCodec(Schema.String.pipe(Schema.pattern(/^[A-Za-z0-9_-]{16,64}$/)), LIMITS.buttonValue)

/**
 * The private question before a change: what will happen, to which app, in which region, and until
 * when the question stands. `lines` describe the change (what restarts, the formation before → after).
 */
export const confirmationMessage = (
  change: PendingChange,
  title: string,
  lines: ReadonlyArray<string>,
  confirm: { readonly actionId: string; readonly text: string } = { actionId: CONFIRM_ACTION, text: title }
): Message =>
  message(`${title} ${change.app} in ${change.region}? Only you can confirm it, within 10 minutes.`, [
    section(`:warning: *${plain(title)}* ${code(change.app)} in ${code(change.region)}?`),
    ...(lines.length > 0 ? [section(lines.join("\n"))] : []),
    context(`Only you can confirm. This question expires ${slackDate(change.expiresAt, "{time}")} (10 minutes).`),
    actions(`change_${change.id.slice(0, 12)}`, [
      button({ actionId: confirm.actionId, text: confirm.text, value: ChangeId.encode(change.id), style: "danger" }),
      button({ actionId: CANCEL_ACTION, text: "Cancel", value: ChangeId.encode(change.id) })
    ])
  ])

/** What the question becomes once answered, so its buttons cannot be pressed again. */
export const decidedMessage = (text: string): Message => message(notificationText(text), [section(text)])

export const notYours = (): Message =>
  decidedMessage(":no_entry: This confirmation is not yours: only the person who asked can confirm or cancel it.")

/** The question once its time ran out: said when it expires (the upkeep), or when clicked after. */
export const expired = (change: PendingChange): Message =>
  decidedMessage(
    `:hourglass: This confirmation to ${plain(change.action)} ${code(change.app)} expired after 10 minutes, at ` +
      `${slackDate(change.expiresAt, "{time}")}; nothing was changed. Run the command again if it is still needed.`
  )

export const alreadyDecided = (change: PendingChange): Message =>
  decidedMessage(
    change.status === "cancelled"
      ? `This change to ${code(change.app)} was cancelled; nothing was sent.`
      : change.status === "sent"
        ? `This change to ${code(change.app)} was already confirmed and sent; it is sent only once.`
        : // Claimed, but the bot does not know it was sent: it may be on its way, or the bot stopped before.
          `This change to ${code(change.app)} was already confirmed, and is never sent twice. It is not known ` +
          "whether it reached Scalingo (not known to the bot yet): check the channel or the app's events before " +
          "asking again."
  )

/** A confirmation that did not meet one of the change's guards: the question still stands. */
export const guardUnmet = (change: PendingChange, guard: Guard): Message =>
  Match.value(guard).pipe(
    Match.tag("TypedName", () =>
      decidedMessage(
        `:octagonal_sign: This change stops ${code(change.app)}: type its name to confirm it, with the question's ` +
          "own button. Nothing was sent."
      )
    ),
    Match.exhaustive
  )

export const cancelled = (change: PendingChange): Message =>
  decidedMessage(`Cancelled: nothing was sent to Scalingo for ${code(change.app)}.`)
