import { Clock, Effect, Option, Schema } from "effect"
import type { SlackWebService } from "../SlackWeb.js"
import type { SlackRetryPolicyValues } from "./SlackRetryPolicy.js"
import type { WebApi } from "./webApi.js"

const Opened = Schema.Struct({ view: Schema.Struct({ id: Schema.String }) })
const Answered = Schema.Struct({})

/**
 * views.*: modal calls have no lane, so they never wait behind another call's 429. A call carrying a
 * trigger_id only waits (backoff or its own Retry-After) while the trigger can still be used.
 */
export const makeViews = (
  api: WebApi,
  policy: SlackRetryPolicyValues
): Pick<SlackWebService, "openView" | "pushView" | "updateView" | "publishHome"> => {
  const triggerBudget = (receivedAt: number | undefined) =>
    Effect.map(Clock.currentTimeMillis, (now) =>
      Math.max(0, policy.triggerLifeMs - (receivedAt === undefined ? 0 : Math.max(0, now - receivedAt)))
    )
  const withTrigger = (method: "views.open" | "views.push", triggerId: string, view: unknown, receivedAt?: number) =>
    Effect.flatMap(triggerBudget(receivedAt), (budgetMs) =>
      // A trigger_id is exchanged once: a second open or push with it is refused, never a second modal.
      api.call({
        method,
        params: { trigger_id: triggerId, view },
        answer: Opened,
        lane: Option.none(),
        budgetMs,
        idempotent: true
      })
    ).pipe(Effect.map((answer) => ({ viewId: answer.view.id })))

  return {
    openView: (triggerId, view, options) => withTrigger("views.open", triggerId, view, options?.receivedAt),
    pushView: (triggerId, view, options) => withTrigger("views.push", triggerId, view, options?.receivedAt),
    updateView: (viewId, view) =>
      Effect.asVoid(
        api.call({
          method: "views.update",
          params: { view_id: viewId, view },
          answer: Answered,
          lane: Option.none(),
          idempotent: true
        })
      ),
    // App Home is not a modal: it waits in its own lane like any other call.
    publishHome: (userId, view) =>
      Effect.asVoid(
        api.call({
          method: "views.publish",
          params: { user_id: userId, view },
          answer: Answered,
          lane: Option.some(userId),
          idempotent: true
        })
      )
  }
}
