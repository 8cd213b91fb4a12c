import { fn } from "../../tracing/fn.js"
import { Effect, Option, Schema } from "effect"
import { PolicyGate } from "../../policies/PolicyGate.js"
import { AuditRecords } from "../../storage/AuditRecords.js"
import { AppName } from "../../runtime/codecs.js"
import { staleButton } from "../../runtime/errorMessages.js"
import type { ButtonClick, Person, SlashInvocation } from "../../runtime/interaction/Interaction.js"
import { Reply } from "../../runtime/replies/Reply.js"
import { AUDIT_PER_PAGE, AuditCursor, auditMessage, auditUsage } from "./auditView.js"

/** Admins read the workspace's records, everyone else only their own; always privately. */
const auditPage = (person: Person, app: string | undefined, page: number) =>
  Effect.gen(function* () {
    const gate = yield* PolicyGate
    const records = yield* AuditRecords
    const everyone = yield* gate.isAdmin(person.teamId, person.userId)
    const found = yield* records.list(
      person.teamId,
      { app, ...(everyone ? {} : { userId: person.userId }) },
      page,
      AUDIT_PER_PAGE
    )
    return auditMessage(found, { everyone, app, page })
  })

/** `audit [app]`: the latest changes made through the bot, newest first. */
export const audit = fn("Audit.command")(function* (invocation: SlashInvocation, args: ReadonlyArray<string>) {
  const app = args[0]?.toLowerCase()
  if (args.length > 1 || (app !== undefined && !Schema.is(AppName)(app))) {
    return Reply.Private({ message: auditUsage(invocation.command) })
  }
  return Reply.Private({ message: yield* auditPage(invocation.person, app, 1) })
})

/** Previous/Next: the page is read again, with whose records decided for the clicker. */
export const auditPageClick = fn("Audit.page")(function* (click: ButtonClick) {
  const cursor = AuditCursor.decode(click.value)
  if (Option.isNone(cursor)) return Reply.Private({ message: staleButton(click.command) })
  return Reply.Private({ message: yield* auditPage(click.person, cursor.value.a, cursor.value.p), replace: true })
})
