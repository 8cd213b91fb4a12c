import { Duration, Effect } from "effect"
import { SubmissionClaims } from "../storage/SubmissionClaims.js"

/** A signed request is accepted 5 minutes either side of its timestamp: kept a little past both. */
const KEEP_FOR = Duration.minutes(11)
/**
 * How long the check may hold the acknowledgement: past it (storage slow, the claims table locked) the
 * request is handled, so Slack's 3-second deadline never waits on the database.
 */
const CHECK_WITHIN = Duration.millis(400)
/** The claims of requests live apart from those of Slack teams' submissions. */
const NAMESPACE = "slack-requests"

/**
 * Whether a signed request is seen for the first time, on any replica (the claims table is shared).
 * Storage failing or slow must not stop (or delay) every command: the request is then handled, and the
 * failure logged.
 */
export const makeFirstDelivery = Effect.map(
  SubmissionClaims,
  (claims) => (key: string) =>
    claims.claim(NAMESPACE, key, KEEP_FOR).pipe(
      Effect.timeout(CHECK_WITHIN),
      Effect.catchAll((error) =>
        Effect.as(
          Effect.logWarning("could not check a request for a replay; handling it", {
            reason: error._tag === "TimeoutException" ? "slow" : error.reason
          }),
          true
        )
      )
    )
)
