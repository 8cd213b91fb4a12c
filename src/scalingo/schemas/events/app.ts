import { ParseResult, Schema } from "effect"
import { EventUser, eventVariant } from "./base.js"
import { Bool, lenient, lenientArray, lenientRecord, lenientStruct, Num, Text, TextList } from "./lenient.js"

/** App lifecycle events (scalingo-api.md §4.5 "App lifecycle"). */

/** One container type's formation: how many, and which size when Scalingo says. */
export const ContainerFormation = Schema.Struct({ amount: Schema.Number, size: Schema.optional(Schema.String) })
export type ContainerFormation = typeof ContainerFormation.Type

/** "2:M" (what the Go client expects) → { amount: 2, size: "M" }; "2" → { amount: 2 }. */
const FormationFromText = Schema.transformOrFail(Schema.String, ContainerFormation, {
  strict: true,
  decode: (text, _, ast) => {
    const match = /^\s*(\d+)\s*(?::\s*([A-Za-z0-9_-]+)\s*)?$/.exec(text)
    return match
      ? ParseResult.succeed(
          match[2] === undefined ? { amount: Number(match[1]) } : { amount: Number(match[1]), size: match[2] }
        )
      : ParseResult.fail(new ParseResult.Type(ast, text, "expected an amount like 2 or 2:M"))
  },
  encode: (formation) =>
    ParseResult.succeed(
      formation.size === undefined ? String(formation.amount) : `${formation.amount}:${formation.size}`
    )
})

/** A scale value as the docs send it (a number), as Go reads it ("2:M"), or as an object. */
export const ScaleValue = Schema.Union(
  // Only a formation without size encodes back to a bare number.
  Schema.transform(
    Schema.NonNegativeInt,
    ContainerFormation.pipe(Schema.filter((formation) => formation.size === undefined)),
    {
      strict: true,
      decode: (amount) => ({ amount }),
      encode: (formation) => formation.amount
    }
  ),
  FormationFromText,
  Schema.Struct({ amount: Num, size: Schema.optional(lenient(Text)) }).pipe(
    Schema.transform(ContainerFormation, {
      strict: true,
      decode: ({ amount, size }) => (size === undefined ? { amount } : { amount, size }),
      encode: (formation) => formation
    })
  )
)

/** container type → formation; entries that make no sense are dropped. */
const Formation = lenientRecord(ScaleValue)

const ReviewApp = {
  app_id: Text,
  review_app_name: Text,
  review_app_url: Text,
  source_repo_name: Text,
  source_repo_url: Text,
  pr_name: Text,
  pr_number: Num,
  pr_url: Text,
  pr_comes_from_a_fork: Bool
}

const CrashData = { container_type: Text, crash_logs: Text, logs_url: Text }

export const NewApp = eventVariant("new_app", { git_source: Text })
export const EditApp = eventVariant("edit_app", { force_https: Bool })
export const DeleteApp = eventVariant("delete_app", {})
export const RenameApp = eventVariant("rename_app", { old_name: Text, new_name: Text })
export const UpdateAppProject = eventVariant("update_app_project", {
  old_project_name: Text,
  old_project_id: Text,
  new_project_name: Text,
  new_project_id: Text
})
export const TransferApp = eventVariant("transfer_app", { old_owner: EventUser, new_owner: EventUser })
export const Restart = eventVariant("restart", {
  /** null when every container restarted. */
  scope: TextList,
  addon_name: Text,
  /** The docs' name for what Go reads as `addon_name`. */
  addon_provider: Text,
  reason: Text
})
export const Scale = eventVariant("scale", { previous_containers: Formation, containers: Formation })
export const StopApp = eventVariant("stop_app", { reason: Text })
export const Crash = eventVariant("crash", CrashData)
export const RepeatedCrash = eventVariant("repeated_crash", CrashData)
export const Deployment = eventVariant("deployment", {
  deployment_id: Text,
  deployment_uuid: Text,
  deployment_type: Text,
  pusher: Text,
  git_ref: Text,
  git_ref_url: Text,
  status: Text,
  /** Seconds. */
  duration: Num,
  stack: Text,
  finished_at: Text,
  last_commits: lenientStruct({ commits: lenientArray(Schema.Unknown), remaining: Num })
})
export const Run = eventVariant("run", { command: Text, audit_log_id: Text, audit_log_size: Num, detached: Bool })
export const StackChanged = eventVariant("stack_changed", {
  previous_stack_id: Text,
  current_stack_id: Text,
  previous_stack_name: Text,
  current_stack_name: Text
})
export const StartRegionMigration = eventVariant("start_region_migration", {
  migration_id: Text,
  source: Text,
  destination: Text,
  dst_app_name: Text
})
export const CreateReviewApp = eventVariant("create_review_app", ReviewApp)
export const DestroyReviewApp = eventVariant("destroy_review_app", ReviewApp)

export const AppEvents = [
  NewApp,
  EditApp,
  DeleteApp,
  RenameApp,
  UpdateAppProject,
  TransferApp,
  Restart,
  Scale,
  StopApp,
  Crash,
  RepeatedCrash,
  Deployment,
  Run,
  StackChanged,
  StartRegionMigration,
  CreateReviewApp,
  DestroyReviewApp
] as const
export type AppEventType = (typeof AppEvents)[number]["Type"]["type"]
