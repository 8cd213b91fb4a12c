import { Schema } from "effect"
import { actions, button, context, type Message, message, section } from "../../blockKit/blocks.js"
import { LIMITS } from "../../blockKit/limits.js"
import { code, codeAsWords, plain, slackDate } from "../../blockKit/text.js"
import type { AuditPage, AuditRecord } from "../../storage/AuditRecords.js"
import { AppName, jsonCodec, PageNumber } from "../../runtime/codecs.js"
import { NEXT_PAGE, PREVIOUS_PAGE } from "../events/eventsView.js"

export const AUDIT_PAGE_ACTION = "audit_page"
export const AUDIT_PER_PAGE = 10

/** A page button: which app (if one was named) and which page; whose records is decided again on click. */
export const AuditCursor = jsonCodec(Schema.Struct({ a: Schema.optional(AppName), p: PageNumber }), LIMITS.buttonValue)

const OUTCOME: Readonly<Record<string, string>> = {
  done: ":white_check_mark: done",
  failed: ":x: failed",
  unknown: ":grey_question: unknown (the answer was lost, or the bot stopped midway)",
  pending: ":hourglass_flowing_sand: in progress"
}

const recordLine = (r: AuditRecord): string => {
  const who = `<@${r.slackUserId}>${r.scalingoUser !== null ? ` (as ${plain(r.scalingoUser, 60)})` : ""}`
  const app = r.app !== null ? ` ${code(r.app)}` : ""
  const what = `${code(r.action)}${app}${r.region !== null ? ` in ${code(r.region)}` : ""}`
  const where = r.channelId.startsWith("C") || r.channelId.startsWith("G") ? ` in <#${r.channelId}>` : ""
  const why = r.errorTag !== null ? ` (${plain(codeAsWords(r.errorTag), 40)})` : ""
  const outcome = `${OUTCOME[r.outcome] ?? plain(r.outcome)}${why}`
  const ref = r.scalingoRef !== null ? ` · Scalingo ${code(r.scalingoRef, 64)}` : ""
  return `${slackDate(r.createdAt)} · ${who} · ${what}${where} · ${outcome}${ref}`
}

/** One page of the audit trail, privately: the workspace's (admins) or the person's own. */
export const auditMessage = (
  found: AuditPage,
  view: { readonly everyone: boolean; readonly app: string | undefined; readonly page: number }
): Message => {
  const whose = view.everyone ? "Changes made through the bot in this workspace" : "Your changes made through the bot"
  const title = `${whose}${view.app !== undefined ? ` on ${code(view.app)}` : ""}`
  const pages = Math.max(1, Math.ceil(found.total / AUDIT_PER_PAGE))
  if (found.records.length === 0) {
    return message(`${title}: none.`, [section(`*${title}*: none${view.page > 1 ? " on this page" : " yet"}.`)])
  }
  const cursor = (p: number) => AuditCursor.encode({ ...(view.app !== undefined ? { a: view.app } : {}), p })
  return message(`${title}, page ${view.page} of ${pages}`, [
    section(`*${title}*, newest first:`),
    section(found.records.map(recordLine).join("\n")),
    context(
      `Page ${view.page} of ${pages} · ${found.total} record${found.total === 1 ? "" : "s"}` +
        (view.everyone ? "" : " · admins see everyone's")
    ),
    ...(pages > 1
      ? [
          actions("audit_pages", [
            ...(view.page > 1
              ? [button({ actionId: AUDIT_PAGE_ACTION, text: PREVIOUS_PAGE, value: cursor(view.page - 1) })]
              : []),
            ...(view.page < pages
              ? [button({ actionId: AUDIT_PAGE_ACTION, text: NEXT_PAGE, value: cursor(view.page + 1) })]
              : [])
          ])
        ]
      : [])
  ])
}

export const auditUsage = (command: string) =>
  message("Which app?", [section(`Say an app's name, e.g. \`${command} audit my-app\`, or nothing for every app.`)])
