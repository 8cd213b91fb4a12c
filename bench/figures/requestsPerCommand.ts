// Scalingo requests per command, counted from the simulator's request log for one fresh account:
// each flow is compared with the requests it needs (regions and bearer reused, one request per page).
import type { BenchWorld } from "../lib/benchWorld.js"
import { SIGNING_SECRET } from "../lib/benchWorld.js"
import type { Child } from "../lib/children.js"
import type { FigureResult, Row } from "../lib/report.js"
import { single } from "../lib/stats.js"
import { sendBlockAction, sendViewSubmission } from "../../test/support/slackRequests.js"

interface Step {
  readonly name: string
  /** The requests a careful client makes, as "METHOD path" (paths simplified). */
  readonly needed: ReadonlyArray<string>
  readonly run: () => Promise<void>
}

/** Request paths with the app name replaced, so lists compare. */
const shape = (method: string, path: string) => `${method} ${path.replace(/^\/v1\/apps\/[^/]+/, "/v1/apps/{app}")}`

type Button = { action_id?: string; value?: string; text?: { text?: string } }
const buttonsIn = (blocks: unknown): Array<Button> =>
  Array.isArray(blocks)
    ? blocks.flatMap((b: { type?: string; elements?: Array<Button> }) =>
        b.type === "actions" ? (b.elements ?? []) : []
      )
    : []

export const requestsPerCommandFigure = async (world: BenchWorld, bot: Child): Promise<FigureResult> => {
  world.sim.faults.clear()
  const username = "rpc-user"
  const userId = "URPC"
  const app = "rpc-web"
  const account = world.sim.createAccount({ username, regions: ["osc-fr1", "osc-secnum-fr1"] })
  world.sim.addApp(username, "osc-fr1", { name: app })
  world.sim.addApp(username, "osc-secnum-fr1", { name: "rpc-vault" })
  world.sim.addAppEvents(username, "osc-fr1", app, 45)

  const answerTo = async (text: string) => {
    const responseUrl = world.slack.responseUrl()
    const id = responseUrl.split("/").pop()
    await world.command(bot, text, userId, responseUrl)
    return world.record((r) => r.kind === "response" && r.id === id)
  }
  const threadPage = (page: number) =>
    world.record(
      (r) =>
        r.kind === "call" &&
        r.method === "chat.postMessage" &&
        r.params.thread_ts !== undefined &&
        String(r.params.text).startsWith(`Page ${page} of`)
    )

  const steps: ReadonlyArray<Step> = [
    {
      name: "`login <token>`",
      needed: ["POST /v1/tokens/exchange", "GET /v1/users/self"],
      run: () => world.link(bot, userId, account.apiToken)
    },
    {
      name: "`apps`, first after login (regions read once)",
      needed: ["GET /v1/regions", "GET /v1/apps", "GET /v1/apps"],
      run: async () => {
        await answerTo("apps")
      }
    },
    {
      name: "`apps` again (regions and bearer reused)",
      needed: ["GET /v1/apps", "GET /v1/apps"],
      run: async () => {
        await answerTo("apps")
      }
    },
    {
      name: "`events <app>`, first page",
      needed: ["GET /v1/apps/{app}/events"],
      run: async () => {
        world.slack.reset()
        await world.command(bot, `events ${app}`, userId)
        await threadPage(1)
      }
    },
    {
      name: "`events`, Next page button",
      needed: ["GET /v1/apps/{app}/events"],
      run: async () => {
        const page = await threadPage(1)
        const next = buttonsIn(page.kind === "call" ? page.params.blocks : undefined).find((b) =>
          String(b.text?.text).startsWith("Next")
        )
        if (next?.value === undefined) throw new Error("the first events page has no Next button")
        await sendBlockAction(bot.url, SIGNING_SECRET, {
          actionId: String(next.action_id),
          value: next.value,
          userId,
          threadTs: String((page as { params: Record<string, unknown> }).params.thread_ts),
          responseUrl: world.slack.responseUrl()
        })
        await threadPage(2)
      }
    },
    {
      name: "`create` (the command opens the modal, its submission creates)",
      needed: ["POST /v1/apps"],
      run: async () => {
        const seen = new Set(world.slack.views.keys())
        await world.command(bot, "create", userId)
        await world.until(
          "the create modal",
          () => [...world.slack.views.values()].some((v) => !seen.has(v.id) && v.callback_id === "create_app"),
          10_000
        )
        const view = [...world.slack.views.values()].find((v) => !seen.has(v.id) && v.callback_id === "create_app")!
        const reply = await sendViewSubmission(bot.url, SIGNING_SECRET, {
          view,
          userId,
          values: {
            name: { name: { type: "plain_text_input", value: "rpc-created" } },
            region: { region: { type: "static_select", selected_option: { value: "osc-fr1" } } }
          }
        })
        if (!JSON.stringify(reply.body).includes("rpc-created"))
          throw new Error(`create did not answer with the app: ${reply.text.slice(0, 200)}`)
      }
    }
  ]

  const rows: Array<Row> = []
  const details: Array<{ step: string; made: Array<string>; needed: ReadonlyArray<string> }> = []
  for (const step of steps) {
    const since = Date.now()
    world.sim.clearRequests()
    await step.run()
    // Anything the command still does after its answer would show up here.
    await new Promise((resolve) => setTimeout(resolve, 300))
    const made = world.sim.requests
      .filter((r) => r.account === username && r.at >= since)
      .map((r) => shape(r.method, r.path))
    details.push({ step: step.name, made, needed: step.needed })
    const sameRequests = [...made].sort().join() === [...step.needed].sort().join()
    rows.push({
      metric: step.name,
      unit: "requests",
      bot: single(made.length),
      target: `${step.needed.length} (${[...new Set(step.needed)].join(", ")})`,
      met: sameRequests
    })
  }
  const extra = details.filter((d) => [...d.made].sort().join() !== [...d.needed].sort().join())
  return {
    id: "requests-per-command",
    title: "Scalingo requests per command (one account, simulator log)",
    rows,
    notes: [
      "One fresh account reaching two regions, steps in this order; counted from the simulator's request log " +
        "(token exchange, auth and regional hosts).",
      ...extra.map((d) => `${d.step}: made ${d.made.join(", ") || "nothing"}; needed ${d.needed.join(", ")}.`)
    ],
    details: { steps: details }
  }
}
