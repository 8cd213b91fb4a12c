import { Schema } from "effect"
import { LIMITS } from "../../blockKit/limits.js"
import { AppName, jsonCodec, MessageTs, PageNumber, PageSize, RegionName } from "../../runtime/codecs.js"

export const DEPLOYMENTS_PAGE_ACTION = "deployments_page"
export const BUILD_LOG_ACTION = "build_log"
export const DEPLOYMENTS_PER_PAGE = 10

/** A page button: which app, region, page and thread; any replica can serve it. */
export const DeploymentsCursor = jsonCodec(
  // b: a Previous button, whose page is already above in the thread.
  Schema.Struct({
    a: AppName,
    r: RegionName,
    p: PageNumber,
    n: PageSize,
    t: MessageTs,
    b: Schema.optional(Schema.Literal(1))
  }),
  LIMITS.buttonValue
)
export type DeploymentsCursor = Parameters<typeof DeploymentsCursor.encode>[0]

/** A build log button: which deployment (and its short commit, what people know it by), and the thread for its log. */
export const BuildLogTarget = jsonCodec(
  Schema.Struct({
    a: AppName,
    r: RegionName,
    d: Schema.String.pipe(Schema.pattern(/^[A-Za-z0-9_-]{1,64}$/)),
    c: Schema.optional(Schema.String.pipe(Schema.maxLength(40))),
    t: MessageTs
  }),
  LIMITS.buttonValue
)
