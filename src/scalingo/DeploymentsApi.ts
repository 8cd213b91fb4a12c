import { fn } from "../tracing/fn.js"
import { Effect, Option } from "effect"
import { AppResources } from "./AppResources.js"
import type { PageRequest } from "./EventsApi.js"
import { onRequestedPage, pageParams } from "./paging.js"
import type { ScalingoAccount } from "./ScalingoAccount.js"
import { DeploymentResponse, DeploymentsPage } from "./schemas/deployment.js"

export { failureKind, isFinished } from "./schemas/deployment.js"

/** An app's deployments, newest first (`GET /v1/apps/{app}/deployments[/{id}[/output]]`). */
export class DeploymentsApi extends Effect.Service<DeploymentsApi>()("bot/scalingo/DeploymentsApi", {
  effect: Effect.gen(function* () {
    const apps = yield* AppResources

    const list = fn("DeploymentsApi.list")(function* (
      account: ScalingoAccount,
      region: string,
      app: string,
      page: PageRequest
    ) {
      const result = yield* apps
        .of(account, region, app)
        .get("/v1/apps/{app}/deployments", DeploymentsPage, { urlParams: pageParams(page) })
      return onRequestedPage(result, page.page)
    })

    const show = fn("DeploymentsApi.show")(function* (
      account: ScalingoAccount,
      region: string,
      app: string,
      id: string
    ) {
      const { deployment } = yield* apps
        .of(account, region, app)
        .get("/v1/apps/{app}/deployments/{id}", DeploymentResponse, { params: { id }, resource: "deployment" })
      return deployment
    })

    /**
     * The build log (`text/plain`), or none when there is none: the CLI reads a 404 here as "no log".
     * A 404 about the app or the deployment itself still fails as NotFound.
     */
    const output = fn("DeploymentsApi.output")(function* (
      account: ScalingoAccount,
      region: string,
      app: string,
      id: string
    ) {
      return yield* apps
        .of(account, region, app)
        .getText("/v1/apps/{app}/deployments/{id}/output", { params: { id }, resource: "output" })
        .pipe(
          Effect.map((text) => (text.trim() === "" ? Option.none<string>() : Option.some(text))),
          Effect.catchIf(
            (error) => error._tag === "NotFound" && error.resource !== "app" && error.resource !== "deployment",
            () => Effect.succeed(Option.none<string>())
          )
        )
    })

    return { list, show, output } as const
  })
}) {}
