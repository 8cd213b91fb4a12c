import { fn } from "../tracing/fn.js"
import { SqlClient, SqlSchema } from "@effect/sql"
import { Context, Effect, Layer, Option, Schema } from "effect"
import { isoAt, millisAt } from "./StorageClock.js"
import { failedTo, type StorageError } from "./StorageError.js"

export const PolicyMode = Schema.Literal("all", "read-only", "allow")
export type PolicyMode = typeof PolicyMode.Type

export const PolicyAction = Schema.Literal("create", "restart", "scale", "subscribe")
export type PolicyAction = typeof PolicyAction.Type

/**
 * What one channel allows, for everyone acting in it whatever their workspace (a shared channel has one
 * policy); a channel without one follows DEFAULT_CHANNEL_POLICY.
 */
export interface ChannelPolicy {
  /** The workspace it was set from. */
  readonly teamId: string
  readonly channelId: string
  readonly mode: PolicyMode
  /** The changes allowed when `mode` is `allow`. */
  readonly allowedActions: ReadonlyArray<PolicyAction>
  /** App names or `prefix*`; empty means any app. */
  readonly appPatterns: ReadonlyArray<string>
  readonly updatedBy: string
  readonly updatedAt: Date
}

export type NewChannelPolicy = Omit<ChannelPolicy, "updatedAt">

export interface ChannelPoliciesService {
  readonly get: (channelId: string) => Effect.Effect<Option.Option<ChannelPolicy>, StorageError>
  /** Replaces the channel's policy in one statement; `updatedAt` is now. */
  readonly set: (policy: NewChannelPolicy) => Effect.Effect<ChannelPolicy, StorageError>
  /** Back to the default; true when the channel had a policy. */
  readonly reset: (channelId: string) => Effect.Effect<boolean, StorageError>
}

export class ChannelPolicies extends Context.Tag("bot/storage/ChannelPolicies")<
  ChannelPolicies,
  ChannelPoliciesService
>() {
  static readonly layer: Layer.Layer<ChannelPolicies, never, SqlClient.SqlClient> = Layer.effect(
    ChannelPolicies,
    Effect.map(SqlClient.SqlClient, (sql) => makeChannelPolicies(sql))
  )
}

const Strings = Schema.parseJson(Schema.Array(Schema.String))
const encodeStrings = Schema.encodeSync(Strings)

const PolicyRow = Schema.Struct({
  team_id: Schema.String,
  channel_id: Schema.String,
  mode: PolicyMode,
  allowed_actions: Strings,
  app_patterns: Strings,
  updated_by: Schema.String,
  updated_at: Schema.Date
})

const isAction = Schema.is(PolicyAction)

const policyOf = (row: typeof PolicyRow.Type): ChannelPolicy => ({
  teamId: row.team_id,
  channelId: row.channel_id,
  mode: row.mode,
  // An action this version does not know (written by a newer one) allows nothing here: the list only narrows.
  allowedActions: [...new Set(row.allowed_actions.filter(isAction))].sort(),
  appPatterns: row.app_patterns,
  updatedBy: row.updated_by,
  updatedAt: row.updated_at
})

const makeChannelPolicies = (sql: SqlClient.SqlClient): ChannelPoliciesService => {
  // Channel ids are global in Slack: the channel alone is the key.
  const findRow = SqlSchema.findOne({
    Request: Schema.String,
    Result: PolicyRow,
    execute: (channelId) => sql`SELECT * FROM channel_policies WHERE channel_id = ${channelId}`
  })

  const get = fn("ChannelPolicies.get")(
    (channelId: string) => Effect.map(findRow(channelId), Option.map(policyOf)),
    Effect.mapError(failedTo("Reading a channel policy"))
  )

  const set = fn("ChannelPolicies.set")(
    function* (policy: NewChannelPolicy) {
      const updatedAt = isoAt(yield* millisAt(undefined))
      const row = {
        team_id: policy.teamId,
        channel_id: policy.channelId,
        mode: policy.mode,
        allowed_actions: encodeStrings([...new Set(policy.allowedActions)].sort()),
        app_patterns: encodeStrings([...new Set(policy.appPatterns)]),
        updated_by: policy.updatedBy,
        updated_at: updatedAt
      }
      yield* sql`INSERT INTO channel_policies ${sql.insert(row)}
      ON CONFLICT (channel_id) DO UPDATE SET
        team_id = excluded.team_id, mode = excluded.mode, allowed_actions = excluded.allowed_actions,
        app_patterns = excluded.app_patterns,
        updated_by = excluded.updated_by, updated_at = excluded.updated_at`
      return policyOf(yield* Schema.decodeUnknown(PolicyRow)(row))
    },
    Effect.mapError(failedTo("Saving a channel policy"))
  )

  const reset = fn("ChannelPolicies.reset")(
    (channelId: string) =>
      Effect.map(
        sql`DELETE FROM channel_policies WHERE channel_id = ${channelId} RETURNING mode`,
        (rows) => rows.length > 0
      ),
    Effect.mapError(failedTo("Resetting a channel policy"))
  )

  return { get, set, reset }
}
