// Scalingo requests per operating command (issue 10), counted from the simulator's request log for one
// fresh account: `info`, `restart` (the POST plus the polls of an operation lasting OPERATION_MS),
// `scale`, a `deployments` page, its build log and `logs`. The app directory is warmed by one `apps`
// first, as after any listing.
import type { BenchWorld } from "../lib/benchWorld.js"
import { SIGNING_SECRET } from "../lib/benchWorld.js"
import type { Child } from "../lib/children.js"
import type { FigureResult, Row } from "../lib/report.js"
import { single } from "../lib/stats.js"
import { sendBlockAction } from "../../test/support/slackRequests.js"

/** How long the simulator's restart and scale operations run. */
export const OPERATION_MS = 6_000
/** The bot polls an operation at most once every 2 s (issue 10, rule 8). */
const POLL_EVERY_MS = 2_000

interface Step {
  readonly name: string
  readonly target: string
  readonly met: (made: ReadonlyArray<string>) => boolean
  readonly run: () => Promise<void>
}

type Json = Record<string, unknown>
/** The confirmation's buttons by action id (test/support's helpers import vitest, so not usable here). */
const buttonsOf = (message: { blocks?: unknown }, actionId: string) =>
  ((message.blocks ?? []) as Array<Json>)
    .flatMap((b) => (b.type === "actions" ? (b.elements as Array<Json>) : b.accessory ? [b.accessory as Json] : []))
    .filter((e) => e.action_id === actionId)
    .map((e) => ({ value: String(e.value) }))
/** Every text of a message, joined: what a person reads. */
const readable = (body: unknown): string => {
  const parts: Array<string> = []
  const walk = (value: unknown): void => {
    if (typeof value === "string") parts.push(value)
    else if (Array.isArray(value)) value.forEach(walk)
    else if (typeof value === "object" && value !== null)
      for (const [key, v] of Object.entries(value))
        if (["text", "blocks", "elements", "fields", "accessory"].includes(key)) walk(v)
  }
  walk(body)
  return parts.join("\n")
}

const shape = (method: string, path: string) => {
  const general = path
    .replace(/^\/v1\/apps\/[^/]+/, "/v1/apps/{app}")
    .replace(/\/operations\/[^/?]+/, "/operations/{id}")
  return `${method} ${general}`
}
const count = (made: ReadonlyArray<string>, what: RegExp) => made.filter((m) => what.test(m)).length

export const operateRequestsFigure = async (world: BenchWorld, bot: Child): Promise<FigureResult> => {
  world.sim.faults.clear()
  const [username, userId, app, channelId] = ["ops-user", "UOPS", "ops-web", "COPS"]
  const account = world.sim.createAccount({ username, regions: ["osc-fr1"] })
  world.sim.addApp(username, "osc-fr1", {
    name: app,
    lastDeployedAt: new Date().toISOString(),
    lastDeployedBy: username,
    pastDeployments: 12,
    formation: [
      { name: "web", amount: 2, size: "M" },
      { name: "worker", amount: 1, size: "S" }
    ],
    logLines: 200
  })
  await world.link(bot, userId, account.apiToken)

  /** The private answer to a command, on its own response_url. */
  const answerTo = async (text: string) => {
    const responseUrl = world.slack.responseUrl()
    const id = responseUrl.split("/").pop()
    await world.command(bot, text, userId, responseUrl, channelId)
    const answer = await world.record((r) => r.kind === "response" && r.id === id)
    return answer.kind === "response" ? (answer.body as { blocks?: unknown }) : {}
  }
  const click = async (actionId: string, value: string, extra: Record<string, unknown> = {}) =>
    sendBlockAction(bot.url, SIGNING_SECRET, {
      actionId,
      value,
      userId,
      channelId,
      responseUrl: world.slack.responseUrl(),
      container: { type: "message", is_ephemeral: true, message_ts: "1700000000.000900", channel_id: channelId },
      ...extra
    })
  const channelMessage = (predicate: (text: string) => boolean, timeoutMs = 30_000) =>
    world.record(
      (r) =>
        r.kind === "call" &&
        (r.method === "chat.update" || r.method === "chat.postMessage") &&
        predicate(readable(r.params)),
      timeoutMs
    )
  const confirmAndFollow = async (text: string, done: (t: string) => boolean) => {
    const question = await answerTo(text)
    const value = buttonsOf(question, "confirm_change")[0]?.value
    if (value === undefined) throw new Error(`\`${text}\` asked no confirmation: ${readable(question).slice(0, 200)}`)
    world.slack.reset()
    await click("confirm_change", value)
    await channelMessage(done)
  }
  const maxPolls = Math.ceil(OPERATION_MS / POLL_EVERY_MS) + 1

  const steps: ReadonlyArray<Step> = [
    {
      name: "`info <app>` (app, formation, last deployment, read at once)",
      target: "2 or 3",
      met: (made) => made.length >= 2 && made.length <= 3,
      run: async () => {
        await answerTo(`info ${app}`)
      }
    },
    {
      name: `\`restart <app>\` confirmed, operation of ${OPERATION_MS / 1000} s, followed to the end`,
      target: `1 POST + at most ${maxPolls} polls (one per 2 s)`,
      met: (made) => count(made, /^POST .*\/restart$/) === 1 && count(made, /operations/) <= maxPolls,
      run: () => confirmAndFollow(`restart ${app}`, (t) => t.includes("restarted") && t.includes("done in"))
    },
    {
      name: `\`scale <app> web:3\` confirmed, operation of ${OPERATION_MS / 1000} s, followed to the end`,
      target: `1 POST + at most ${maxPolls} polls`,
      met: (made) => count(made, /^POST .*\/scale$/) === 1 && count(made, /operations/) <= maxPolls,
      run: () => confirmAndFollow(`scale ${app} web:3`, (t) => t.includes("scaled") && t.includes("done in"))
    },
    {
      name: "`deployments <app>`, first page posted in its thread",
      target: "1 (GET /v1/apps/{app}/deployments)",
      met: (made) => made.length === 1,
      run: async () => {
        world.slack.reset()
        await world.command(bot, `deployments ${app}`, userId, world.slack.responseUrl(), channelId)
        await world.record(
          (r) =>
            r.kind === "call" &&
            r.method === "chat.postMessage" &&
            r.params.thread_ts !== undefined &&
            String(r.params.text).startsWith("Page 1 of")
        )
      }
    },
    {
      name: "`logs <app> 100` (no filter), sent in a direct message",
      target: "2 (GET /v1/apps/{app}/logs, then the logs URL)",
      met: (made) => made.length === 2,
      run: async () => {
        world.slack.reset()
        await answerTo(`logs ${app} 100`)
      }
    },
    {
      name: "`logs <app> 100 web` (a container type filter, checked against the formation)",
      target: "3 (+ GET /v1/apps/{app}/containers)",
      met: (made) => made.length === 3,
      run: async () => {
        world.slack.reset()
        await answerTo(`logs ${app} 100 web`)
      }
    }
  ]

  // Warm the app directory (which region the app is in), as any listing does.
  await answerTo("apps")
  world.sim.setOperationDuration(OPERATION_MS)
  const rows: Array<Row> = []
  const details: Array<{ step: string; made: Array<string> }> = []
  try {
    for (const step of steps) {
      const since = Date.now()
      await step.run()
      // Anything the command still does after its answer would show up here.
      await new Promise((resolve) => setTimeout(resolve, 300))
      const made = world.sim.requests
        // The logs host authenticates by the URL's token, not as an account: nothing else runs meanwhile.
        .filter((r) => (r.account === username || r.host === "logs") && r.at >= since)
        .map((r) => (r.host === "logs" ? `GET logs_url` : shape(r.method, r.path)))
      details.push({ step: step.name, made })
      rows.push({
        metric: step.name,
        unit: "requests",
        bot: single(made.length),
        target: step.target,
        met: step.met(made)
      })
    }
  } finally {
    world.sim.setOperationDuration(3_000)
  }
  return {
    id: "operate-requests",
    title: "Scalingo requests per operating command (one account, simulator log)",
    rows,
    notes: [
      `One fresh account, its app directory warmed by one \`apps\`; restart and scale confirmed with one click, ` +
        `the simulator's operation lasting ${OPERATION_MS / 1000} s; counted from the simulator's request log ` +
        "(the API and the logs host).",
      ...details.map((d) => `${d.step}: ${summarise(d.made)}.`)
    ],
    details: { steps: details, operationMs: OPERATION_MS }
  }
}

/** "GET /v1/apps/{app} ×1, GET …/operations/{id} ×3": each request shape with how many times. */
const summarise = (made: ReadonlyArray<string>) => {
  const counts = new Map<string, number>()
  for (const m of made) counts.set(m, (counts.get(m) ?? 0) + 1)
  return [...counts].map(([m, n]) => `${m}${n > 1 ? ` ×${n}` : ""}`).join(", ") || "none"
}
