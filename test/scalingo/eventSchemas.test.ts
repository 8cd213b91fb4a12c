import { Either, Schema } from "effect"
import { describe, expect, it } from "vitest"
import {
  EVENT_TYPES,
  isKnownEvent,
  KnownEvent,
  ScalingoEvent,
  type EventOf
} from "../../src/scalingo/schemas/events/index.js"
import { EventsPage } from "../../src/scalingo/schemas/pagination.js"
import { eventSamples, sampleOf } from "../../src/simulator/eventSamples.js"
import { fixtureEvents } from "./docsFixtures.js"

const decode = Schema.decodeUnknownSync(ScalingoEvent)
const decodePage = Schema.decodeUnknownSync(EventsPage)

/** Decodes a sample of `type` with its type_data replaced, and returns it as that type's variant. */
const withTypeData = <T extends (typeof EVENT_TYPES)[number]>(type: T, typeData: unknown): EventOf<T> => {
  const event = decode({ ...sampleOf(type), type_data: typeData })
  expect(event.type).toBe(type)
  expect(isKnownEvent(event)).toBe(true)
  return event as EventOf<T>
}

describe("Scalingo event schemas", () => {
  it("knows the 96 event types of go-scalingo, each with one sample", () => {
    expect(EVENT_TYPES).toHaveLength(96)
    expect(new Set(EVENT_TYPES).size).toBe(96)
    expect(eventSamples.map((sample) => sample["type"]).sort()).toEqual([...EVENT_TYPES].sort())
  })

  it("every one of the 96 event types decodes to its own variant", () => {
    for (const sample of eventSamples) {
      const event = decode(sample)
      expect(event.type, String(sample["type"])).toBe(sample["type"])
      expect(isKnownEvent(event), String(sample["type"])).toBe(true)
      // The union without the fallback accepts it too: it matched its literal-typed variant.
      expect(Either.isRight(Schema.decodeUnknownEither(KnownEvent)(sample)), String(sample["type"])).toBe(true)
    }
  })

  it("keeps a type name with a slash, database/add_feature, as its own variant", () => {
    const event = withTypeData("database/add_feature", { feature: "force-ssl", addon_uuid: "ad-1" })
    expect(event.type_data.feature).toBe("force-ssl")
  })

  it("decodes an unknown type to the fallback, keeping its type_data opaque", () => {
    const event = decode({
      ...sampleOf("new_app"),
      type: "brand_new_thing",
      type_data: { anything: [1, { deep: true }] }
    })
    expect(isKnownEvent(event)).toBe(false)
    expect(event.type).toBe("brand_new_thing")
    expect(event.type_data).toEqual({ anything: [1, { deep: true }] })
  })

  it("never lets extra fields, at the top level or in type_data, break decoding", () => {
    for (const sample of eventSamples) {
      const noisy = {
        ...sample,
        surprise: { nested: [1, 2] },
        type_data: { ...(sample["type_data"] as object), brand_new_field: "x" }
      }
      const event = decode(noisy)
      expect(isKnownEvent(event), String(sample["type"])).toBe(true)
      expect(event).not.toHaveProperty("surprise")
    }
  })

  it("decodes a known type whose type_data is absent, null or garbage, with its fields missing", () => {
    for (const typeData of [undefined, null, "garbage", 42, ["a"]]) {
      for (const type of EVENT_TYPES) {
        const raw: Record<string, unknown> = { ...sampleOf(type), type_data: typeData }
        if (typeData === undefined) delete raw["type_data"]
        const event = decode(raw)
        expect(isKnownEvent(event) && event.type === type, type).toBe(true)
        expect(event.type_data).toEqual({})
      }
    }
  })

  it("reads a mis-typed field as absent without losing the others", () => {
    const scale = withTypeData("scale", {
      previous_containers: "lots",
      containers: { web: 2, worker: "oops", clock: { amount: "1", size: "S" } }
    })
    expect(scale.type_data.previous_containers).toBeUndefined()
    expect(scale.type_data.containers).toEqual({ web: { amount: 2 }, clock: { amount: 1, size: "S" } })
    const deployment = withTypeData("deployment", { git_ref: "abc", duration: "forty", status: { nested: true } })
    expect(deployment.type_data).toEqual({ git_ref: "abc" })
  })

  it("decodes events with missing or odd base fields", () => {
    const event = decode({ type: "login_success", id: 12, user: "not-an-object", created_at: null })
    expect(event).toMatchObject({ type: "login_success", id: "12" })
    expect(event.user).toBeUndefined()
    expect(event.created_at).toBeUndefined()
  })

  it("decodes every event found in Scalingo's documented examples", () => {
    const fixtures = fixtureEvents()
    expect(fixtures.length).toBeGreaterThanOrEqual(50)
    for (const { file, raw } of fixtures) {
      const event = decode(raw)
      expect(event.type, file).toBe(raw["type"])
    }
  })

  it('reads scale containers sent as numbers (docs) and as "2:M" strings (Go)', () => {
    const numbers = withTypeData("scale", {
      previous_containers: { web: 1, worker: 0 },
      containers: { web: 2, worker: 1 }
    })
    expect(numbers.type_data.containers).toEqual({ web: { amount: 2 }, worker: { amount: 1 } })
    const strings = withTypeData("scale", { previous_containers: { web: "1:M" }, containers: { web: "2:XL" } })
    expect(strings.type_data.previous_containers).toEqual({ web: { amount: 1, size: "M" } })
    expect(strings.type_data.containers).toEqual({ web: { amount: 2, size: "XL" } })
  })

  it("accepts both sides of each disagreement between Scalingo's docs and clients", () => {
    expect(withTypeData("add_credit", { value: 50.0 }).type_data.value).toBe(50)
    expect(withTypeData("add_credit", { amount: "12.5" }).type_data.amount).toBe(12.5)
    expect(withTypeData("new_domain", { name: "example.com" }).type_data.name).toBe("example.com")
    expect(withTypeData("new_autoscaler", { min_containers: "2", max_containers: 6 }).type_data).toMatchObject({
      min_containers: 2,
      max_containers: 6
    })
    expect(withTypeData("link_scm", { auto_deploy: true, delete_stale: "false" }).type_data).toMatchObject({
      auto_deploy: true,
      delete_stale: false
    })
    expect(withTypeData("restart", { scope: null, addon_provider: "PostgreSQL" }).type_data).toEqual({
      scope: undefined,
      addon_provider: "PostgreSQL"
    })
    expect(
      withTypeData("edit_project", { updated_values: [{ name: "default", value: false, old_value: "true" }] }).type_data
        .updated_values
    ).toEqual([{ name: "default", value: false, old_value: "true" }])
    const doc = withTypeData("cancel_project_transfer_invitation", {
      invited_user: { username: "alice" },
      status: "canceled"
    })
    expect(doc.type_data.invited_user?.username).toBe("alice")
    const go = withTypeData("cancel_project_transfer_invitation", { invitation_id: "tin-1", recipient_email: "a@b.c" })
    expect(go.type_data.recipient_email).toBe("a@b.c")
  })

  it("does not decode environment variable values at all", () => {
    const event = withTypeData("edit_variables", {
      new_vars: [{ name: "A", value: "SECRET-VALUE-X" }],
      updated_vars: [{ name: "B", value: "SECRET-VALUE-Y", old_value: "SECRET-VALUE-Z" }]
    })
    expect(event.type_data.new_vars).toEqual([{ name: "A" }])
    expect(JSON.stringify(decode(sampleOf("edit_variable")))).not.toContain("SECRET-VALUE")
  })
})

describe("events page and pagination", () => {
  const page = (pagination: Record<string, unknown>) =>
    decodePage({ events: [sampleOf("new_app")], meta: { pagination } })

  it("reads null previous and next pages as none", () => {
    expect(
      page({ current_page: 1, prev_page: null, next_page: null, total_pages: 1, total_count: 1 }).pagination
    ).toEqual({ currentPage: 1, prevPage: null, nextPage: null, totalPages: 1, totalCount: 1 })
  })

  it("reads absent previous and next pages as none", () => {
    expect(page({ current_page: 3, total_pages: 3, total_count: 61 }).pagination).toEqual({
      currentPage: 3,
      prevPage: null,
      nextPage: null,
      totalPages: 3,
      totalCount: 61
    })
  })

  it("reads the documented example, and page numbers sent as strings", () => {
    expect(
      page({ current_page: 1, next_page: 2, prev_page: null, total_pages: 4, total_count: 61 }).pagination
    ).toEqual({ currentPage: 1, prevPage: null, nextPage: 2, totalPages: 4, totalCount: 61 })
    expect(
      page({ current_page: "2", prev_page: "1", next_page: "3", total_pages: "4", total_count: "61" }).pagination
    ).toEqual({ currentPage: 2, prevPage: 1, nextPage: 3, totalPages: 4, totalCount: 61 })
  })

  it("does not take Go's prev_page 1 / next_page 1 on a single page for neighbours", () => {
    expect(page({ current_page: 1, prev_page: 1, next_page: 1, total_pages: 1, total_count: 1 }).pagination).toEqual({
      currentPage: 1,
      prevPage: null,
      nextPage: null,
      totalPages: 1,
      totalCount: 1
    })
  })

  it("takes a page without meta for the only page", () => {
    const result = decodePage({ events: [sampleOf("new_app"), sampleOf("restart")] })
    expect(result.events.map((event) => event.type)).toEqual(["new_app", "restart"])
    expect(result.pagination).toEqual({ currentPage: 1, prevPage: null, nextPage: null, totalPages: 1, totalCount: 2 })
  })

  it("reads pagination placed directly in meta (scalingo.js' typing) or filled with placeholders", () => {
    expect(
      decodePage({ events: [], meta: { current_page: 2, prev_page: 1, total_pages: 2, total_count: 30 } }).pagination
    ).toEqual({ currentPage: 2, prevPage: 1, nextPage: null, totalPages: 2, totalCount: 30 })
    expect(
      decodePage({ events: [], meta: { pagination: { current_page: "<requested page number>", next_page: "<next>" } } })
        .pagination
    ).toEqual({ currentPage: 1, prevPage: null, nextPage: null, totalPages: 1, totalCount: 0 })
  })

  it("keeps the decodable events of a page whose entries include junk", () => {
    const result = decodePage({ events: [null, 3, { ...sampleOf("scale"), extra: 1 }, { type: "brand_new_thing" }] })
    expect(result.events.map((event) => event.type)).toEqual(["scale", "brand_new_thing"])
  })
})
