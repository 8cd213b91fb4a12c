import { inspect } from "node:util"
import { describe, expect, it } from "@effect/vitest"
import { Effect, Redacted } from "effect"
import { AppsApi } from "../../src/scalingo/AppsApi.js"
import { BearerTokens } from "../../src/scalingo/BearerTokens.js"
import type { ScalingoError } from "../../src/scalingo/errors.js"
import type { SimFault } from "../../src/simulator/index.js"
import { accountOf, clientLayer, fieldsOf, requestsTo, simulator } from "./scalingoTestKit.js"

interface Case {
  readonly name: string
  /** The fault on `GET /v1/apps`; the body may quote the credentials, as a careless server might. */
  readonly fault: (secrets: { apiToken: string; bearer: string }) => SimFault
  readonly check: (error: ScalingoError) => void
}

const leak = (s: { apiToken: string; bearer: string }) => `(token ${s.apiToken}, bearer ${s.bearer})`

const cases: ReadonlyArray<Case> = [
  {
    name: "400 becomes BadRequest with Scalingo's message",
    fault: (s) => ({
      status: 400,
      body: JSON.stringify({ error: `There was a problem in the JSON you submitted ${leak(s)}` })
    }),
    check: (e) => {
      expect(e._tag).toBe("BadRequest")
      expect(e._tag === "BadRequest" && e.message).toContain("There was a problem in the JSON you submitted")
    }
  },
  {
    name: "401 (even after a fresh bearer) becomes Unauthorized",
    fault: (s) => ({ status: 401, body: JSON.stringify({ error: `you are not authorized ${leak(s)}` }) }),
    check: (e) => expect(e._tag).toBe("Unauthorized")
  },
  {
    name: "402 becomes PaymentRequired with the billing link and name",
    fault: (s) => ({
      status: 402,
      body: JSON.stringify({
        error: `Sorry, you need to verify your account ${leak(s)}`,
        url: "https://my.scalingo.com/apps/billing",
        name: "free-trial-exceeded"
      })
    }),
    check: (e) => {
      expect(e._tag).toBe("PaymentRequired")
      if (e._tag !== "PaymentRequired") return
      expect(e.url).toBe("https://my.scalingo.com/apps/billing")
      expect(e.name).toBe("free-trial-exceeded")
      expect(e.message).toContain("Sorry, you need to verify your account")
    }
  },
  {
    name: "403 becomes Forbidden with Scalingo's code",
    fault: (s) => ({
      status: 403,
      body: JSON.stringify({
        error: `Resource creation is disabled on this region ${leak(s)}`,
        code: "region_disabled"
      })
    }),
    check: (e) => expect(e._tag === "Forbidden" && e.code).toBe("region_disabled")
  },
  {
    name: "404 becomes NotFound naming the resource",
    fault: (s) => ({ status: 404, body: JSON.stringify({ resource: "app", error: `not found ${leak(s)}` }) }),
    check: (e) => expect(e._tag === "NotFound" && e.resource).toBe("app")
  },
  {
    name: "409 becomes Conflict",
    fault: (s) => ({
      status: 409,
      body: JSON.stringify({ error: `Cannot delete project with existing apps ${leak(s)}` })
    }),
    check: (e) => expect(e._tag === "Conflict" && e.message).toContain("Cannot delete project")
  },
  {
    name: "422 with errors as a map becomes InvalidInput per field",
    fault: (s) => ({
      status: 422,
      body: JSON.stringify({
        errors: { name: ["should contain only lowercap letters, digits and hyphens", `not ${s.apiToken}`] }
      })
    }),
    check: (e) => {
      expect(e._tag).toBe("InvalidInput")
      if (e._tag !== "InvalidInput") return
      expect(Object.keys(e.fields)).toEqual(["name"])
      expect(e.fields.name![0]).toBe("should contain only lowercap letters, digits and hyphens")
    }
  },
  {
    name: "422 with errors as an array becomes InvalidInput under base",
    fault: (s) => ({ status: 422, body: JSON.stringify({ errors: ["the app is already scaling", leak(s)] }) }),
    check: (e) => expect(e._tag === "InvalidInput" && e.fields.base![0]).toBe("the app is already scaling")
  },
  {
    name: "429 in plain text becomes RateLimited from Scalingo with seconds to wait",
    fault: () => ({ status: 429, body: "Retry later", contentType: "text/plain" }),
    check: (e) => {
      expect(e._tag === "RateLimited" && e.source).toBe("scalingo")
      expect(e._tag === "RateLimited" && e.retryAfterSeconds).toBeGreaterThan(0)
    }
  },
  {
    name: "500 becomes ScalingoUnavailable (server-error, nothing applied by a read)",
    fault: (s) => ({ status: 500, body: JSON.stringify({ error: `Internal error occured ${leak(s)}` }) }),
    check: (e) => {
      expect(fieldsOf(e)).toMatchObject({
        _tag: "ScalingoUnavailable",
        reason: "server-error",
        status: 500,
        mayHaveApplied: false
      })
    }
  },
  {
    name: "503 becomes ScalingoUnavailable (server-error)",
    fault: () => ({ status: 503 }),
    check: (e) =>
      expect(fieldsOf(e)).toMatchObject({ _tag: "ScalingoUnavailable", reason: "server-error", status: 503 })
  },
  {
    name: "malformed JSON becomes UnexpectedResponse without quoting the body",
    fault: () => ({ malformedJson: true }),
    check: (e) => {
      expect(fieldsOf(e)).toMatchObject({ _tag: "UnexpectedResponse", status: 200 })
      expect(e._tag === "UnexpectedResponse" && e.detail).not.toContain("alice")
    }
  }
]

describe("Scalingo error statuses", () => {
  for (const c of cases) {
    it.scopedLive(`${c.name}, and no error text holds the API token or the bearer`, () =>
      Effect.gen(function* () {
        const sim = yield* simulator()
        const alice = accountOf(sim, "alice")
        yield* Effect.gen(function* () {
          const apps = yield* AppsApi
          const bearer = Redacted.value(yield* (yield* BearerTokens).bearer(alice))
          const secrets = { apiToken: sim.accounts.alice!.apiToken, bearer }
          sim.faults.add({ host: "osc-fr1", method: "GET", path: "/v1/apps", ...c.fault(secrets) })

          const error = yield* Effect.flip(apps.list(alice, "osc-fr1"))
          c.check(error)
          expect(requestsTo(sim, { host: "osc-fr1", path: "/v1/apps" }).length).toBeGreaterThan(0)
          const renderings = [
            String(error),
            JSON.stringify(error),
            error.message,
            inspect(error, { depth: 10 }),
            JSON.stringify({ ...error })
          ]
          for (const text of renderings) {
            expect(text).not.toContain(secrets.apiToken)
            expect(text).not.toContain(secrets.bearer)
          }
        }).pipe(Effect.provide(clientLayer(sim)))
      })
    )
  }
})
