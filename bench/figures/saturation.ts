// Budget use under saturation: one account fires 300 commands at once, then keeps asking faster
// than its budget allows for the rest of a real 60-second window and more. From the simulator's log:
// the most requests in any sliding 60 s, Scalingo's 429s, and how much of the budget was used.
import { warmedAccount, type BenchWorld } from "../lib/benchWorld.js"
import { SIGNING_SECRET } from "../lib/benchWorld.js"
import type { Child } from "../lib/children.js"
import type { FigureResult } from "../lib/report.js"
import { maxInSlidingWindow, single } from "../lib/stats.js"

export interface SaturationPlan {
  readonly burst: number
  /** Then one command every `streamEveryMs` for `streamMs`. */
  readonly streamMs: number
  readonly streamEveryMs: number
  readonly budgetPerMinute: number
}

export const DEFAULT_SATURATION: SaturationPlan = {
  burst: 300,
  streamMs: 70_000,
  streamEveryMs: 500,
  budgetPerMinute: 60
}

export const saturationFigure = async (
  world: BenchWorld,
  bot: Child,
  plan: SaturationPlan = DEFAULT_SATURATION
): Promise<FigureResult> => {
  world.sim.faults.clear()
  // A fresh account each time the figure runs in the same world (its budget must start full).
  const suffix = world.sim.accounts["saturated"] === undefined ? "" : `-${Object.keys(world.sim.accounts).length}`
  const username = `saturated${suffix}`,
    userId = `USATURATED${suffix}`,
    app = `saturated${suffix}-web`
  await warmedAccount(world, bot, { username, userId, app })

  const command = () => ({ text: `events ${app}`, userId, responseUrl: world.slack.responseUrl() })
  const startedAt = Date.now()
  const burst = world.load.fire(bot.url, SIGNING_SECRET, Array.from({ length: plan.burst }, command), plan.burst)
  const stream: Array<Promise<unknown>> = []
  let offered = plan.burst
  while (Date.now() - startedAt < plan.streamMs) {
    await new Promise((resolve) => setTimeout(resolve, plan.streamEveryMs))
    stream.push(world.load.fire(bot.url, SIGNING_SECRET, [command()], 1))
    offered++
  }
  const offeredUntil = Date.now()
  await Promise.all([burst, ...stream])
  const pages = () =>
    world.slack.calls.filter((c) => c.method === "chat.postMessage" && c.params.thread_ts !== undefined).length
  await world
    .until("every command's outcome", () => pages() + world.slack.responses.length >= offered, 20_000)
    .catch(() => undefined)

  const all = world.sim.requests.filter((r) => r.account === username)
  const during = all.filter((r) => r.at >= startedAt)
  const served = during.filter((r) => r.status >= 200 && r.status < 300)
  const lastServed = Math.max(...served.map((r) => r.at))
  // Work waited from the first command until the last request the offered load produced.
  const saturatedMs = Math.max(1, Math.min(lastServed, offeredUntil + 3_000) - startedAt)
  const capacity = (plan.budgetPerMinute * saturatedMs) / 60_000
  const utilisation = (100 * served.length) / capacity
  const worstWindow = maxInSlidingWindow(
    all.map((r) => r.at),
    60_000
  )
  const tooMany = all.filter((r) => r.status === 429).length
  const steadyFrom = startedAt + 10_000
  const steady = served.filter((r) => r.at >= steadyFrom && r.at <= offeredUntil).length
  const steadyPerMinute = (steady * 60_000) / Math.max(1, offeredUntil - steadyFrom)
  const budgetAnswers = world.slack.responses.filter((r) => JSON.stringify(r.body).includes("request budget")).length

  return {
    id: "saturation",
    title: `Budget under saturation (one account, ${plan.budgetPerMinute} requests/min)`,
    rows: [
      {
        metric: "most Scalingo requests in any sliding 60 s",
        unit: "",
        bot: single(worstWindow),
        target: `<= ${plan.budgetPerMinute}`,
        met: worstWindow <= plan.budgetPerMinute
      },
      { metric: "429 answers from Scalingo", unit: "", bot: single(tooMany), target: "0", met: tooMany === 0 },
      {
        metric: `budget used while work waited (${(saturatedMs / 1000).toFixed(0)} s)`,
        unit: "%",
        bot: single(utilisation),
        target: ">= 90%",
        met: utilisation >= 90
      },
      { metric: "requests per minute once the first burst is spent", unit: "", bot: single(steadyPerMinute) },
      { metric: "commands served (a page posted)", unit: "", bot: single(pages()) },
      { metric: "commands told the budget is spent, retry later", unit: "", bot: single(budgetAnswers) }
    ],
    notes: [
      `${plan.burst} \`events <app>\` at once, then one every ${plan.streamEveryMs} ms for ${plan.streamMs / 1000} s (${offered} in all), so work is always waiting on the real 60 s window (the bot does not expose the window as a setting). Each command needs one Scalingo request.`,
      `Utilisation = requests served / (${plan.budgetPerMinute}/min × the saturated period, first command to last request served).`,
      `By design the bot waits at most 3 s for an account's budget and tells the person to retry beyond that, so the ${plan.burst} are not queued: about a burst's worth is served, the rest are told to retry.`,
      "The limiter is a token bucket (src/scalingo/budgetPlan.ts) whose steady rate is set below the budget, so a saturated account gets a little less than the budget per minute.",
      ...(worstWindow >= plan.budgetPerMinute
        ? [
            `The busiest 60 s window, as Scalingo saw it, held ${worstWindow} requests: ${worstWindow > plan.budgetPerMinute ? "more than the budget, hence the 429" : "exactly the budget, with none to spare"}. Requests granted together can reach Scalingo later than ones granted after them (here the bot's event loop is busy with the 300-command burst), which squeezes a window's grants into less than 60 s.`
          ]
        : [])
    ],
    details: {
      plan,
      offered,
      served: served.length,
      saturatedMs,
      worstWindow,
      tooMany,
      steadyPerMinute,
      budgetAnswers,
      timeline: during.map((r) => ({ at: r.at - startedAt, status: r.status }))
    }
  }
}
