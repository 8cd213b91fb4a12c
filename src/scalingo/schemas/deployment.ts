import { Schema } from "effect"
import { lenientArray, lenientFields, lenientStruct, Num, Text } from "./events/lenient.js"
import { Meta, metaOf, normalisePagination, PageInfo } from "./pagination.js"

/** Statuses a deployment passes through before it ends (DOC deployments.md state machine). */
export const IN_PROGRESS_DEPLOYMENT_STATUSES = ["queued", "building", "pushing", "starting"] as const
/** Every status Scalingo's docs and Go client name; others decode too. */
export const KNOWN_DEPLOYMENT_STATUSES = [
  ...IN_PROGRESS_DEPLOYMENT_STATUSES,
  "success",
  "aborted",
  "build-error",
  "crashed-error",
  "timeout-error",
  "hook-error"
] as const
export type KnownDeploymentStatus = (typeof KNOWN_DEPLOYMENT_STATUSES)[number]

/**
 * A deployment (`GET /v1/apps/{app}/deployments[/{id}]`). Only `id` is required: the docs' own
 * examples leave out `status`, `finished_at` or `links`, and `finished_at` is null while it runs
 * (read as absent). `status` stays an open string.
 */
export const Deployment = Schema.Struct({
  id: Text,
  ...lenientFields({
    app_id: Text,
    created_at: Text,
    finished_at: Text,
    status: Schema.String,
    git_ref: Text,
    previous_git_ref: Text,
    type: Schema.String,
    duration: Num,
    image_size: Num,
    stack_base_image: Text,
    pusher: lenientStruct({ id: Text, email: Text, username: Text }),
    links: lenientStruct({ output: Text })
  })
})
export type Deployment = typeof Deployment.Type

export const DeploymentResponse = Schema.Struct({ deployment: Deployment })

export const DeploymentsPageResult = Schema.Struct({
  deployments: Schema.Array(Schema.typeSchema(Deployment)),
  pagination: PageInfo
})
/** A page of deployments, newest first as Scalingo sends them, and where it sits. */
export type DeploymentsPageResult = typeof DeploymentsPageResult.Type

const RawDeploymentsPage = Schema.Struct({ deployments: lenientArray(Deployment), meta: Schema.optional(Meta) })

/** `GET /v1/apps/{app}/deployments`: entries that do not decode are left out; pagination as events have it. */
export const DeploymentsPage = Schema.transform(RawDeploymentsPage, DeploymentsPageResult, {
  strict: true,
  decode: ({ deployments, meta }) => ({ deployments, pagination: normalisePagination(meta, deployments.length) }),
  encode: ({ deployments, pagination }) => ({
    deployments,
    meta: metaOf(pagination)
  })
})

const IN_PROGRESS: ReadonlySet<string> = new Set(IN_PROGRESS_DEPLOYMENT_STATUSES)

/**
 * Whether it has ended: a status outside the four in-progress ones (as go-scalingo's `IsFinished`,
 * so an unknown status counts as an end), or, without a status, a `finished_at`.
 */
export const isFinished = (deployment: Deployment): boolean =>
  deployment.status === undefined || deployment.status === ""
    ? (deployment.finished_at ?? "") !== ""
    : !IN_PROGRESS.has(deployment.status)

/** How a finished deployment failed; `unknown` for a failure status Scalingo has not documented. */
export type DeploymentFailure = "build" | "crash" | "timeout" | "hook" | "aborted" | "unknown"

const FAILURES: Readonly<Record<string, DeploymentFailure>> = {
  "build-error": "build",
  "crashed-error": "crash",
  "timeout-error": "timeout",
  "hook-error": "hook",
  aborted: "aborted"
}

/** Undefined while it runs and when it succeeded; otherwise what kind of failure it was. */
export const failureKind = (deployment: Deployment): DeploymentFailure | undefined => {
  if (!isFinished(deployment) || deployment.status === "success") return undefined
  return FAILURES[deployment.status ?? ""] ?? "unknown"
}
