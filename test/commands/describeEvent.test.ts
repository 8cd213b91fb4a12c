import { Schema } from "effect"
import { describe, expect, it } from "vitest"
import { describeEvent, type EventDescription } from "../../src/views/events/describeEvent.js"
import { EVENT_TYPES, ScalingoEvent } from "../../src/scalingo/schemas/events/index.js"
import { eventSamples, sampleOf } from "../../src/simulator/eventSamples.js"
import { fixtureEvents, valuesIn } from "../scalingo/docsFixtures.js"

const decode = Schema.decodeUnknownSync(ScalingoEvent)
const describeRaw = (raw: unknown) => describeEvent(decode(raw))
const render = (type: string, typeData: unknown, extra: Record<string, unknown> = {}) =>
  describeRaw({ ...sampleOf(type), type_data: typeData, ...extra })

/** Everything a person could see. */
const visible = (d: EventDescription) =>
  [d.title, d.sentence, d.who, d.appName ?? "", d.link?.label ?? "", d.link?.url ?? ""].join("\n")

const expectClean = (d: EventDescription, context: string) => {
  for (const text of [d.title, d.sentence, d.who]) {
    expect(text.trim(), context).not.toBe("")
    expect(text, context).not.toMatch(/undefined|null|NaN|\[object Object\]|[{}]/)
  }
  expect(d.sentence.length, context).toBeLessThan(3000)
}

describe("describeEvent", () => {
  it("renders every one of the 96 types as its own clean sentence", () => {
    const sentences = eventSamples.map((sample) => {
      const d = describeRaw(sample)
      expectClean(d, String(sample["type"]))
      expect(d.type).toBe(sample["type"])
      return d.sentence
    })
    expect(new Set(sentences).size).toBe(96)
  })

  it("renders every event of Scalingo's documented examples", () => {
    for (const { file, raw } of fixtureEvents()) expectClean(describeRaw(raw), file)
  })

  it("never shows an environment variable's value, in the samples or in the docs' examples", () => {
    const rendered = eventSamples.map((sample) => visible(describeRaw(sample))).join("\n")
    expect(rendered).not.toContain("SECRET-VALUE")
    const variableLike = fixtureEvents().filter(({ raw }) => /variable|^new_event$/.test(String(raw["type"])))
    const secrets = variableLike.flatMap(({ raw }) => valuesIn(raw["type_data"]))
    expect(secrets).toEqual(expect.arrayContaining(["VAL1", "VAL2", "OLD_VAL2"]))
    for (const { file, raw } of variableLike) {
      const text = visible(describeRaw(raw))
      for (const secret of secrets) expect(text, file).not.toContain(secret)
    }
  })

  it("names the variables of a bulk change, and only their names", () => {
    const d = describeRaw(sampleOf("edit_variables"))
    expect(d.sentence).toBe(
      "Environment variables changed: `FEATURE_EXPORTS` added; `RAILS_MAX_THREADS` modified; `LEGACY_TOKEN` removed"
    )
  })

  it("renders an unknown type neutrally: its name and app, never its data", () => {
    const d = describeRaw({
      ...sampleOf("new_app"),
      type: "brand_new_thing",
      type_data: { token: "SECRET-VALUE-99", n: 1 }
    })
    expect(d.title).toBe("Brand New Thing")
    expect(d.sentence).toBe("Event `brand_new_thing` on example-app")
    expect(visible(d)).not.toContain("SECRET-VALUE")
  })

  it('shows scale changes as before → after per container type, from numbers or "2:M" strings', () => {
    const numbers = render("scale", { previous_containers: { web: 1, worker: 0 }, containers: { web: 2, worker: 1 } })
    expect(numbers.sentence).toBe("Containers scaled: web 1 → 2, worker 0 → 1")
    const strings = render("scale", {
      previous_containers: { web: "1:M", clock: "1:S" },
      containers: { web: "2:M", clock: "1:S" }
    })
    expect(strings.sentence).toBe("Containers scaled: web 1 → 2 (size M)")
  })

  it("shows a deployment's short git ref, outcome, duration and a link to the commit", () => {
    const d = describeRaw(sampleOf("deployment"))
    expect(d.sentence).toBe("Deployment of `58c778f` succeeded in 1m 12s")
    expect(d.link).toEqual({ label: "Commit", url: expect.stringMatching(/^https:\/\/github\.com\//) })
    expect(render("deployment", { git_ref: "main", status: "build-error" }).sentence).toBe(
      "Deployment of `main` failed to build"
    )
  })

  it("links a crash to its logs without ever showing the crash logs themselves", () => {
    const d = describeRaw(sampleOf("crash"))
    expect(d.sentence).toBe("A `web` container crashed")
    expect(d.link?.label).toBe("Crash logs")
    expect(render("crash", { container_type: "web", logs_url: "javascript:alert(1)" }).link).toBeUndefined()
  })

  it("tells restart reasons in words", () => {
    expect(render("restart", { scope: ["web"], reason: "unexpected_failure" }).sentence).toBe(
      "`web` containers restarted after an unexpected failure"
    )
    expect(render("restart", { scope: null, reason: "security_maintenance" }).sentence).toBe(
      "All containers restarted for scheduled security maintenance"
    )
    expect(render("restart", { addon_name: "PostgreSQL" }).who).toBe("Addon PostgreSQL")
  })

  it("says who acted: the person, an addon, the Scalingo operator or its backup service", () => {
    expect(describeRaw(sampleOf("new_app")).who).toBe("john (john@doe.com)")
    expect(describeRaw(sampleOf("edit_variable")).who).toBe("Addon PostgreSQL")
    expect(describeRaw(sampleOf("database_backup_succeeded")).who).toBe("Scalingo Automated Backup Service")
    const platform = { username: "scalingo-platform", email: "deploy@scalingo.com" }
    expect(render("run", { command: "" }, { user: platform })).toMatchObject({
      who: "Scalingo Operator",
      sentence: "One-off container started for maintenance or support"
    })
    expect(render("login_success", {}, { user: undefined }).who).toBe("Someone")
  })

  it("escapes Slack mrkdwn control characters in values from Scalingo", () => {
    const d = render("rename_app", { old_name: "a&b", new_name: "<!channel> <https://evil.example|click>" })
    expect(d.sentence).toBe("App renamed from `a&amp;b` to `&lt;!channel&gt; &lt;https://evil.example|click&gt;`")
    // Backticks from data are made inert too (defect 13): a zero-width space on their inner side.
    expect(render("stop_app", { reason: "<@U123> `x`" }).sentence).toBe(
      "App stopped (reason: &lt;@U123&gt; `\u200bx\u200b`)"
    )
  })

  it("degrades to a shorter sentence when fields are missing or mis-typed", () => {
    for (const type of EVENT_TYPES) {
      for (const typeData of [
        {},
        "garbage",
        { name: 5, hostname: [], collaborator: "x", status: 7, containers: "many", updated_values: {} }
      ]) {
        expectClean(render(type, typeData, { user: undefined, created_at: "not a date" }), type)
      }
    }
    expect(render("rename_app", {}).sentence).toBe("App renamed")
    expect(render("deployment", {}).sentence).toBe("Deployment")
  })

  it('keeps long lists and values short with "and N more"', () => {
    const many = Array.from({ length: 400 }, (_, i) => ({
      name: `VARIABLE_${i}_${"X".repeat(300)}`,
      value: `SECRET-VALUE-${i}`
    }))
    const d = render("edit_variables", { new_vars: many, deleted_vars: many })
    expect(d.sentence).toContain("and 390 more")
    expect(d.sentence.length).toBeLessThan(3000)
    expect(d.sentence).not.toContain("SECRET-VALUE")
  })

  it("gives printable titles like the CLI and the event's time", () => {
    expect(describeRaw(sampleOf("edit_variable")).title).toBe("Edit Variable")
    expect(describeRaw(sampleOf("database/add_feature")).title).toBe("Database/Add Feature")
    const d = describeRaw(sampleOf("new_app"))
    expect(d.at?.toISOString()).toBe(sampleOf("new_app")["created_at"])
    expect(d.appName).toBe("example-app")
    expect(describeRaw(sampleOf("login_success")).appName).toBeUndefined()
  })
})
