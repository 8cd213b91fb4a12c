import { Effect } from "effect"
import { DeploymentsApi } from "../scalingo/DeploymentsApi.js"
import { EventsApi } from "../scalingo/EventsApi.js"
import type { ScalingoAccount } from "../scalingo/ScalingoAccount.js"
import type { Deployment } from "../scalingo/schemas/deployment.js"
import type { ScalingoEvent } from "../scalingo/schemas/events/index.js"

/** What one read of a watched app sees: the newest page of its events and of its deployments. */
export interface AppRead {
  /** Newest first, as Scalingo sends them. */
  readonly events: ReadonlyArray<ScalingoEvent>
  readonly deployments: ReadonlyArray<Deployment>
}

export const EVENTS_PER_READ = 30
export const DEPLOYMENTS_PER_READ = 10
/** Scalingo requests one read makes (events + deployments, newest page only). */
export const REQUESTS_PER_READ = 2

/** One read: exactly one request for the events page and one for the deployments page. */
export const readApp = (account: ScalingoAccount, region: string, app: string) =>
  Effect.gen(function* () {
    const events = yield* EventsApi
    const deployments = yield* DeploymentsApi
    const [eventPage, deploymentPage] = yield* Effect.all(
      [
        events.appEvents(account, region, app, { page: 1, perPage: EVENTS_PER_READ }),
        deployments.list(account, region, app, { page: 1, perPage: DEPLOYMENTS_PER_READ })
      ],
      { concurrency: 2 }
    )
    return { events: eventPage.events, deployments: deploymentPage.deployments } satisfies AppRead
  })
