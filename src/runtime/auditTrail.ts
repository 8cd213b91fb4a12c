import { Cause, Effect, Exit, Option } from "effect"
import { isError, tagOf } from "./sentences/knownErrors.js"
import { AuditRecords, type AuditOutcome } from "../storage/AuditRecords.js"
import type { Person } from "./interaction/Interaction.js"

/** What a change is, for its audit record: never a token, an environment value or a link. */
export interface AuditEntry {
  readonly person: Person
  readonly channelId: string | undefined
  /** `create`, `restart`, `scale`, `subscribe`, `unsubscribe`, `policy`, `login`, `logout`. */
  readonly action: string
  readonly app?: string | undefined
  readonly region?: string | undefined
  readonly scalingoUser?: string | undefined
  readonly details?: unknown
}

const ID = /^[A-Za-z0-9_-]{1,64}$/

/** The last path segment of an operation's URL (`…/operations/<id>`), when it looks like an id. */
export const operationIdOf = (url: string | undefined): string | undefined => {
  const last = url?.split("?")[0]?.split("/").filter(Boolean).pop()
  return last !== undefined && ID.test(last) ? last : undefined
}

/** Done; failed with the error's tag; unknown when Scalingo's answer was lost or the work stopped midway. */
export const outcomeOfExit = (
  exit: Exit.Exit<unknown, unknown>
): { readonly outcome: Exclude<AuditOutcome, "pending">; readonly tag?: string } => {
  if (Exit.isSuccess(exit)) return { outcome: "done" }
  const failure = Cause.failureOption(exit.cause)
  if (Option.isNone(failure))
    return { outcome: "unknown", tag: Cause.isInterruptedOnly(exit.cause) ? "Interrupted" : "Defect" }
  const error = failure.value
  const named = tagOf(error)
  const tag = named !== undefined && ID.test(named) ? named : "Error"
  const lost = isError("UnexpectedResponse")(error) || (isError("ScalingoUnavailable")(error) && error.mayHaveApplied)
  return { outcome: lost ? "unknown" : "failed", tag }
}

/** One JSON line per record (with the log format of production), for log shipping. */
const logRecord = (id: string, entry: AuditEntry, outcome: AuditOutcome, tag?: string, ref?: string) =>
  Effect.logInfo("audit record").pipe(
    Effect.annotateLogs({
      audit_id: id,
      audit_action: entry.action,
      audit_outcome: outcome,
      slack_team: entry.person.teamId,
      slack_user: entry.person.userId,
      ...(entry.channelId ? { slack_channel: entry.channelId } : {}),
      ...(entry.scalingoUser ? { scalingo_user: entry.scalingoUser } : {}),
      ...(entry.app ? { app: entry.app } : {}),
      ...(entry.region ? { region: entry.region } : {}),
      ...(tag ? { error_tag: tag } : {}),
      ...(ref ? { scalingo_ref: ref } : {})
    })
  )

/**
 * Runs a change with its audit record: written (pending) before the change is sent, so a crash
 * mid-change still leaves a trace, then completed with the outcome and Scalingo's operation or
 * deployment id. When the record cannot be written, the change is not sent.
 */
export const audited = <A, E, R>(
  entry: AuditEntry,
  change: Effect.Effect<A, E, R>,
  refOf: (value: A) => string | undefined = () => undefined
) =>
  Effect.uninterruptibleMask((restore) =>
    Effect.gen(function* () {
      const audit = yield* AuditRecords
      const id = yield* audit.begin({
        teamId: entry.person.teamId,
        slackUserId: entry.person.userId,
        scalingoUser: entry.scalingoUser ?? null,
        channelId: entry.channelId ?? "",
        action: entry.action,
        app: entry.app ?? null,
        region: entry.region ?? null,
        details: entry.details ?? null
      })
      yield* logRecord(id, entry, "pending")
      // The change itself may be interrupted (shutdown); its record is completed either way.
      const exit = yield* Effect.exit(restore(change))
      const { outcome, tag } = outcomeOfExit(exit)
      const ref = Exit.isSuccess(exit) ? refOf(exit.value) : undefined
      const usableRef = ref !== undefined && ID.test(ref) ? ref : undefined
      yield* audit
        .complete(entry.person.teamId, id, outcome, tag, usableRef)
        .pipe(
          Effect.catchAll((error) => Effect.logWarning("could not complete an audit record", { reason: error.reason }))
        )
      yield* logRecord(id, entry, outcome, tag, usableRef)
      return yield* exit
    })
  )
