import { fn } from "../tracing/fn.js"
import { Effect } from "effect"
import type { ScalingoAccount } from "./ScalingoAccount.js"
import { ScalingoApi } from "./ScalingoApi.js"
import { UserResponse } from "./schemas/user.js"

/** Who a token belongs to: `GET {auth}/v1/users/self` (the auth host, as go-scalingo and scalingo.js do). */
export class UsersApi extends Effect.Service<UsersApi>()("bot/scalingo/UsersApi", {
  effect: Effect.gen(function* () {
    const api = yield* ScalingoApi

    const self = fn("UsersApi.self")(function* (account: ScalingoAccount) {
      const { user } = yield* api.get(account, "auth", "/v1/users/self", UserResponse, { resource: "user" })
      return user
    })

    return { self } as const
  })
}) {}
