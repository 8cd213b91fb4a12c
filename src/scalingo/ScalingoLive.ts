import type * as HttpClient from "@effect/platform/HttpClient"
import { Layer } from "effect"
import { AppResources } from "./AppResources.js"
import { AppsApi } from "./AppsApi.js"
import { AutoscalersApi } from "./AutoscalersApi.js"
import { BearerTokens } from "./BearerTokens.js"
import { ContainersApi } from "./ContainersApi.js"
import { DeploymentsApi } from "./DeploymentsApi.js"
import { DomainsApi } from "./DomainsApi.js"
import { EventsApi } from "./EventsApi.js"
import { LogsApi } from "./LogsApi.js"
import { NotifiersApi } from "./NotifiersApi.js"
import { OperationsApi } from "./OperationsApi.js"
import { Regions } from "./Regions.js"
import { type BudgetStoreUnavailable, type RequestBudget, RequestBudgetLive } from "./RequestBudget.js"
import { ScalingoApi } from "./ScalingoApi.js"
import { ScalingoHttp } from "./ScalingoHttp.js"
import type { ScalingoSettings } from "./ScalingoSettings.js"
import { UsersApi } from "./UsersApi.js"

/** What the rest of the bot uses from Scalingo: the resource services (ScalingoApi for anything else). */
export type ScalingoServices =
  | BearerTokens
  | Regions
  | ScalingoApi
  | AppResources
  | UsersApi
  | AppsApi
  | EventsApi
  | ContainersApi
  | OperationsApi
  | DeploymentsApi
  | LogsApi
  | AutoscalersApi
  | NotifiersApi
  | DomainsApi

/** The Scalingo services over a given request budget (tests pick memory or Redis explicitly). */
export const makeScalingoLayer = <E>(
  budget: Layer.Layer<RequestBudget, E, ScalingoSettings>
): Layer.Layer<ScalingoServices, E, HttpClient.HttpClient | ScalingoSettings> => {
  const http = ScalingoHttp.Default.pipe(Layer.provide(budget))
  const tokens = BearerTokens.Default.pipe(Layer.provideMerge(http))
  const api = ScalingoApi.Default.pipe(Layer.provideMerge(tokens))
  const regions = Regions.Default.pipe(Layer.provideMerge(api))
  const resources = AppResources.Default.pipe(Layer.provideMerge(regions))
  return Layer.mergeAll(
    UsersApi.Default,
    AppsApi.Default,
    EventsApi.Default,
    ContainersApi.Default,
    OperationsApi.Default,
    DeploymentsApi.Default,
    LogsApi.Default,
    AutoscalersApi.Default,
    NotifiersApi.Default,
    DomainsApi.Default
  ).pipe(Layer.provideMerge(resources))
}

/**
 * Everything Scalingo, with the request budget in Redis when `redisUrl` is set (failing at start with
 * BudgetStoreUnavailable if Redis does not answer) and in this process's memory otherwise.
 */
export const ScalingoLive: Layer.Layer<
  ScalingoServices,
  BudgetStoreUnavailable,
  HttpClient.HttpClient | ScalingoSettings
> = makeScalingoLayer(RequestBudgetLive)
