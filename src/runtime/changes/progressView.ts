import { type Message, message, section } from "../../blockKit/blocks.js"
import { durationText, notificationText, plain } from "../../blockKit/text.js"
import type { Progress } from "./progress.js"

/** How a change speaks of itself: "restarting", "restarted", "restart". */
export interface ChangeWords {
  readonly emoji: string
  readonly ongoing: string
  readonly done: string
  readonly noun: string
}

/** Where a running change stands, in words: Scalingo's documented statuses, any other as it is. */
const phaseOf = (status: string) => {
  switch (status) {
    case "pending":
      return "Scalingo has queued it; it has not started yet"
    case "running":
      return "Scalingo is on it; not done yet"
    default:
      return `Scalingo says ${plain(status, 40)}; not done yet`
  }
}

/**
 * The channel message that follows a change, edited in place as Scalingo's operation runs: who did
 * what, then done (and how long it took), failed (with Scalingo's reason), or how to check.
 */
export const progressMessage = (
  words: ChangeWords,
  who: string,
  what: string,
  checkWith: string,
  progress: Progress
): Message => {
  const text = (() => {
    switch (progress._tag) {
      case "Running":
        return (
          `${words.emoji} <@${who}> is ${words.ongoing} ${what}. ${phaseOf(progress.status)}` +
          `${progress.seconds === undefined ? "" : ` (${durationText(progress.seconds)} so far)`}.`
        )
      case "Done":
        return `:white_check_mark: <@${who}> ${words.done} ${what}: done in ${durationText(progress.seconds)}.`
      case "Failed":
        return (
          `:x: <@${who}>'s ${words.noun} of ${what} failed after ${durationText(progress.seconds)}: ` +
          plain(progress.reason, 300).replace(/[.!]?$/, ".")
        )
      case "StillRunning":
        return (
          `:hourglass: <@${who}>'s ${words.noun} of ${what} is still running after 10 minutes; check with ` +
          `${checkWith}.`
        )
      case "Unreadable":
        return (
          `:warning: <@${who}>'s ${words.noun} of ${what} was sent, but Scalingo stopped answering; check ` +
          `with ${checkWith}.`
        )
    }
  })()
  return message(notificationText(text), [section(text)])
}
