import type { SimFault } from "../../src/simulator/index.js"
import type { World } from "./world.js"

/**
 * Answers Scalingo might send (status 200) that differ from what the bot expects: unknown fields,
 * empty lists, unknown event types, null or absent pagination. Armed as simulator faults.
 */

export type BodyKind = "unknownFields" | "emptyLists" | "unknownEventTypes" | "nullPagination" | "absentMeta"

export const BODY_KINDS: ReadonlyArray<BodyKind> = [
  "unknownFields",
  "emptyLists",
  "unknownEventTypes",
  "nullPagination",
  "absentMeta"
]

export type Answer = Pick<SimFault, "status" | "body" | "contentType">

export const json = (value: unknown): Answer => ({
  status: 200,
  body: JSON.stringify(value),
  contentType: "application/json; charset=utf-8"
})

export const regionsBody = (world: World, regions: ReadonlyArray<string>) => ({
  regions: world.sim.regions
    .filter((r) => regions.includes(r.name))
    .map((r) => ({
      name: r.name,
      display_name: `Region ${r.name}`,
      api: r.apiUrl,
      dashboard: `https://my.${r.name}.scalingo.com`,
      database_api: "https://db-api.example",
      ssh: "ssh.example:22",
      default: r.name === "osc-fr1",
      shiny_new_capability: { enabled: true, tiers: [1, 2] }
    })),
  meta: { brand_new: "yes" }
})

const event = (n: number, type: string, app: string | undefined, extra: Record<string, unknown> = {}) => ({
  id: `ev-${n}`,
  created_at: new Date(Date.now() - n * 60_000).toISOString(),
  type,
  user: { username: "someone", email: "someone@example.com", id: "us-1", avatar_shape: "round" },
  ...(app === undefined ? {} : { app_id: "ap-1", app_name: app }),
  type_data: { scope: ["web"], reason: "manual" },
  ...extra
})

const pagination = (current: number, total: number, count: number) => ({
  current_page: current,
  prev_page: current > 1 ? current - 1 : null,
  next_page: current < total ? current + 1 : null,
  total_pages: total,
  total_count: count
})

/** Event-page bodies for every kind that changes the shape of an events answer. */
export const eventsAnswers = (app: string | undefined, page: number): Record<BodyKind, () => Array<Answer>> => ({
  unknownFields: () => [
    {
      ...json({
        events: [event(1, "restart", app, { hologram: { x: 1 } }), event(2, "restart", app)],
        meta: { pagination: { ...pagination(page, page, 2), cursor_v2: "opaque" }, request_cost: 3 }
      })
    }
  ],
  emptyLists: () => [{ ...json({ events: [], meta: { pagination: pagination(page, page, page === 1 ? 0 : 20) } }) }],
  unknownEventTypes: () => [
    {
      ...json({
        events: [
          event(1, "quantum_teleport", app, { type_data: { from: { x: 1 }, to: [1, 2] } }),
          event(2, "restart", app, { type_data: "not an object" }),
          event(3, "", app, { type_data: null })
        ],
        meta: { pagination: pagination(page, page, 3) }
      })
    }
  ],
  nullPagination: () => [
    {
      ...json({
        events: [event(1, "restart", app)],
        meta:
          page === 1
            ? {
                pagination: {
                  current_page: null,
                  prev_page: null,
                  next_page: null,
                  total_pages: null,
                  total_count: null
                }
              }
            : { pagination: null }
      })
    }
  ],
  absentMeta: () => [{ ...json({ events: [event(1, "restart", app), event(2, "restart", app)] }) }]
})
