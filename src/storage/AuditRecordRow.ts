import { Schema } from "effect"

export const AuditOutcome = Schema.Literal("pending", "done", "failed", "unknown")
export type AuditOutcome = typeof AuditOutcome.Type

/** One change made through the bot: recorded before it is sent, completed with what came of it. */
export interface AuditRecord {
  readonly id: string
  readonly teamId: string
  readonly slackUserId: string
  /** The Scalingo username acting, when known. */
  readonly scalingoUser: string | null
  readonly channelId: string
  /** `create`, `restart`, `scale`, `subscribe`, `unsubscribe`, `policy`, `login`, `logout`, … */
  readonly action: string
  /** Null for changes that name no app (a policy, a login). */
  readonly app: string | null
  readonly region: string | null
  /** Small JSON the caller guarantees holds nothing secret (obvious secrets are refused anyway). */
  readonly details: unknown
  readonly outcome: AuditOutcome
  /** The failure's tag when the outcome is `failed` (or `unknown`). */
  readonly errorTag: string | null
  /** Scalingo's operation or deployment id, when there is one. */
  readonly scalingoRef: string | null
  readonly createdAt: Date
  readonly completedAt: Date | null
}

export type NewAuditRecord = Pick<
  AuditRecord,
  "teamId" | "slackUserId" | "scalingoUser" | "channelId" | "action" | "app" | "region" | "details"
>

export interface AuditFilter {
  readonly userId?: string | undefined
  readonly app?: string | undefined
}

export interface AuditPage {
  readonly records: ReadonlyArray<AuditRecord>
  /** How many records match the filter on every page. */
  readonly total: number
}

export const AuditRecordRow = Schema.Struct({
  team_id: Schema.String,
  id: Schema.String,
  slack_user_id: Schema.String,
  scalingo_user: Schema.NullOr(Schema.String),
  channel_id: Schema.String,
  action: Schema.String,
  app: Schema.NullOr(Schema.String),
  region: Schema.NullOr(Schema.String),
  details: Schema.parseJson(),
  outcome: AuditOutcome,
  error_tag: Schema.NullOr(Schema.String),
  scalingo_ref: Schema.NullOr(Schema.String),
  created_at: Schema.Date,
  completed_at: Schema.NullOr(Schema.Date)
})

export const decodeAuditRows = Schema.decodeUnknown(Schema.Array(AuditRecordRow))

/** PostgreSQL counts in bigint, which node-postgres returns as text; SQLite returns a number. */
export const CountRow = Schema.Struct({ total: Schema.Union(Schema.Number, Schema.NumberFromString) })

export const auditRecordOf = (row: typeof AuditRecordRow.Type): AuditRecord => ({
  id: row.id,
  teamId: row.team_id,
  slackUserId: row.slack_user_id,
  scalingoUser: row.scalingo_user,
  channelId: row.channel_id,
  action: row.action,
  app: row.app,
  region: row.region,
  details: row.details,
  outcome: row.outcome,
  errorTag: row.error_tag,
  scalingoRef: row.scalingo_ref,
  createdAt: row.created_at,
  completedAt: row.completed_at
})
