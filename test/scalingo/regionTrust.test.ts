import { describe, expect, it } from "@effect/vitest"
import { Effect } from "effect"
import { AppsApi } from "../../src/scalingo/AppsApi.js"
import { regionApiProblem } from "../../src/scalingo/regionUrls.js"
import { recordingLogger, scriptedServer } from "./observe.js"
import { accountOf, clientLayer, simulator } from "./scalingoTestKit.js"

describe("which region URLs receive the bearer", () => {
  it("defect 9: only https on Scalingo's domains or the auth host itself", () => {
    const auth = "https://auth.scalingo.com"
    const verdicts = Object.fromEntries(
      [
        "https://api.osc-fr1.scalingo.com",
        "https://api.osc-secnum-fr1.scalingo.com/",
        "https://auth.scalingo.com",
        "http://api.osc-fr1.scalingo.com",
        "https://api.osc-fr1.scalingo.com.attacker.test",
        "https://notscalingo.com",
        "https://user:secret@api.osc-fr1.scalingo.com",
        "https://api.osc-fr1.scalingo.com/?next=elsewhere",
        "ftp://api.osc-fr1.scalingo.com",
        "not a url"
      ].map((api) => [api, regionApiProblem(api, auth) ?? "trusted"])
    )
    expect(verdicts).toEqual({
      "https://api.osc-fr1.scalingo.com": "trusted",
      "https://api.osc-secnum-fr1.scalingo.com/": "trusted",
      "https://auth.scalingo.com": "trusted",
      "http://api.osc-fr1.scalingo.com": "does not use https",
      "https://api.osc-fr1.scalingo.com.attacker.test": "is not on a Scalingo host",
      "https://notscalingo.com": "is not on a Scalingo host",
      "https://user:secret@api.osc-fr1.scalingo.com": "carries credentials",
      "https://api.osc-fr1.scalingo.com/?next=elsewhere": "carries a query or fragment",
      "ftp://api.osc-fr1.scalingo.com": "does not use https",
      "not a url": "is not a URL"
    })
  })

  it("defect 9: plain http only when the auth URL itself is http (the simulator), and then on its host", () => {
    const auth = "http://127.0.0.1:4000"
    expect(regionApiProblem("http://127.0.0.1:4001", auth)).toBeUndefined()
    expect(regionApiProblem("http://localhost:4001", auth)).toBe("is not on a Scalingo host")
    expect(regionApiProblem("http://10.0.0.8:4001", auth)).toBe("is not on a Scalingo host")
    expect(regionApiProblem("https://api.osc-fr1.scalingo.com", auth)).toBeUndefined()
  })

  it.scopedLive("defect 9: a region listed with a foreign API host is dropped with a warning and never called", () =>
    Effect.gen(function* () {
      const sim = yield* simulator()
      const alice = accountOf(sim, "alice")
      // Listening on loopback, but named by another host than the auth URL's: it must never see the bearer.
      const foreign = yield* scriptedServer([{ status: 200, body: JSON.stringify({ apps: [] }) }])
      const foreignUrl = foreign.url.replace("127.0.0.1", "localhost")
      const paris = sim.regions.find((r) => r.name === "osc-fr1")!
      sim.faults.add({
        host: "auth",
        path: "/v1/regions",
        status: 200,
        body: JSON.stringify({
          regions: [
            { name: "osc-fr1", display_name: "Paris", api: paris.apiUrl, default: true },
            { name: "elsewhere", display_name: "Elsewhere", api: foreignUrl },
            { name: "look-alike", display_name: "Look-alike", api: "https://api.osc-fr1.scalingo.com.attacker.test" }
          ]
        })
      })
      const logs = recordingLogger()
      const { results } = yield* Effect.flatMap(AppsApi, (apps) => apps.listAll(alice)).pipe(
        Effect.provide(clientLayer(sim)),
        Effect.provide(logs.layer)
      )

      expect(results.map((r) => r.region.name)).toEqual(["osc-fr1"])
      expect(foreign.arrivals).toEqual([])
      const dropped = logs.lines.filter((l) => l.level === "WARN" && l.message.includes("dropped a region"))
      expect(dropped.map((l) => [l.annotations.region, l.annotations.problem])).toEqual([
        ["elsewhere", "is not on a Scalingo host"],
        ["look-alike", "is not on a Scalingo host"]
      ])
    })
  )
})
