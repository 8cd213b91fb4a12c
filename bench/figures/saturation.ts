// Budget under saturation, one account at a time, from the simulator's log and the fake Slack:
// (1) 20 `events <app>` at once: all served from the unspent budget, none refused;
// (2) `burst` at once (90): the unspent budget serves most at once, the rest are told when to retry;
//     then one command every `streamEveryMs` for `streamMs`, so work always waits on the real 60 s
//     window: never more than the budget in any 60 s, no 429, and the budget used while work waits.
import { SIGNING_SECRET, warmedAccount, type BenchWorld } from "../lib/benchWorld.js"
import type { Child } from "../lib/children.js"
import type { FigureResult } from "../lib/report.js"
import { maxInSlidingWindow, single } from "../lib/stats.js"

export interface SaturationPlan {
  /** Commands fired at once in the second part. */
  readonly burst: number
  /** Then one command every `streamEveryMs` for `streamMs`. */
  readonly streamMs: number
  readonly streamEveryMs: number
  readonly budgetPerMinute: number
  /** Commands fired at once in the first part. */
  readonly small?: number
}

export const DEFAULT_SATURATION: SaturationPlan = {
  burst: 90,
  streamMs: 70_000,
  streamEveryMs: 500,
  budgetPerMinute: 60,
  small: 20
}

const RETRY_SENTENCE = /request budget.*Try again in \d+ seconds?/s

/** A fresh account each time (its budget must start unspent), warmed: linked, bearer and regions cached. */
const freshAccount = async (world: BenchWorld, bot: Child, name: string) => {
  const suffix = Object.keys(world.sim.accounts).length
  const who = { username: `${name}-${suffix}`, userId: `U${name.toUpperCase()}${suffix}`, app: `${name}-${suffix}-web` }
  await warmedAccount(world, bot, who)
  return who
}

/** Fires `count` `events <app>` at once and waits until each has its outcome: a page, or a private answer. */
const fireAtOnce = async (world: BenchWorld, bot: Child, who: { userId: string; app: string }, count: number) => {
  world.slack.reset()
  const startedAt = Date.now()
  const commands = Array.from({ length: count }, () => ({
    text: `events ${who.app}`,
    userId: who.userId,
    responseUrl: world.slack.responseUrl()
  }))
  await world.load.fire(bot.url, SIGNING_SECRET, commands, count)
  const pages = () =>
    world.slack.calls.filter((c) => c.method === "chat.postMessage" && c.params.thread_ts !== undefined)
  // A command waits in line for at most ~30 s: 45 s is ample for every outcome.
  await world.until(`${count} outcomes`, () => pages().length + world.slack.responses.length >= count, 45_000)
  const told = world.slack.responses.filter((r) => RETRY_SENTENCE.test(JSON.stringify(r.body)))
  const lastPageMs = Math.max(0, ...pages().map((p) => p.at - startedAt))
  return {
    startedAt,
    served: pages().length,
    told: told.length,
    other: world.slack.responses.length - told.length,
    lastPageMs
  }
}

export const saturationFigure = async (
  world: BenchWorld,
  bot: Child,
  plan: SaturationPlan = DEFAULT_SATURATION
): Promise<FigureResult> => {
  world.sim.faults.clear()
  const small = plan.small ?? 20

  const first = await freshAccount(world, bot, "burst")
  const atOnce = await fireAtOnce(world, bot, first, small)

  const second = await freshAccount(world, bot, "saturated")
  const burst = await fireAtOnce(world, bot, second, plan.burst)
  const command = () => ({
    text: `events ${second.app}`,
    userId: second.userId,
    responseUrl: world.slack.responseUrl()
  })
  const stream: Array<Promise<unknown>> = []
  let offered = 0
  const streamFrom = Date.now()
  while (Date.now() - streamFrom < plan.streamMs) {
    await new Promise((resolve) => setTimeout(resolve, plan.streamEveryMs))
    stream.push(world.load.fire(bot.url, SIGNING_SECRET, [command()], 1))
    offered++
  }
  const offeredUntil = Date.now()
  await Promise.all(stream)
  const outcomes = () =>
    world.slack.calls.filter((c) => c.method === "chat.postMessage" && c.params.thread_ts !== undefined).length +
    world.slack.responses.length
  await world
    .until("every streamed command's outcome", () => outcomes() >= plan.burst + offered, 45_000)
    .catch(() => undefined)

  const all = world.sim.requests.filter((r) => r.account === second.username)
  const worstWindow = maxInSlidingWindow(
    all.map((r) => r.at),
    60_000
  )
  const tooMany = [...all, ...world.sim.requests.filter((r) => r.account === first.username)].filter(
    (r) => r.status === 429
  ).length
  const served = all.filter((r) => r.at >= burst.startedAt && r.status >= 200 && r.status < 300)
  // Work waited from the burst until the last request served (the queued ones go up to 30 s after the
  // last offer). The burst itself spends the unspent part of the window before it, so it is left out.
  const lastServed = Math.max(...served.map((r) => r.at))
  const saturatedMs = Math.max(1, lastServed - burst.startedAt)
  const afterBurst = served.filter((r) => r.at > burst.startedAt + 5_000).length
  const utilisation = (100 * afterBurst) / ((plan.budgetPerMinute * saturatedMs) / 60_000)
  const needed = Math.min(55, plan.burst)

  return {
    id: "saturation",
    title: `Budget under saturation (one account, ${plan.budgetPerMinute} requests/min)`,
    rows: [
      {
        metric: `${small} at once: served with data`,
        unit: "",
        bot: single(atOnce.served),
        target: `${small}`,
        met: atOnce.served === small
      },
      {
        metric: `${small} at once: the last page posted after`,
        unit: "ms",
        bot: single(atOnce.lastPageMs),
        target: "<= 25000",
        met: atOnce.served === small && atOnce.lastPageMs <= 25_000
      },
      {
        metric: `${plan.burst} at once: served with data`,
        unit: "",
        bot: single(burst.served),
        target: `>= ${needed}`,
        met: burst.served >= needed
      },
      {
        metric: `${plan.burst} at once: the others, told when to retry`,
        unit: "",
        bot: single(burst.told),
        target: `${plan.burst - burst.served}`,
        met: burst.told === plan.burst - burst.served && burst.other === 0
      },
      {
        metric: "most Scalingo requests in any sliding 60 s",
        unit: "",
        bot: single(worstWindow),
        target: `<= ${plan.budgetPerMinute}`,
        met: worstWindow <= plan.budgetPerMinute
      },
      { metric: "429 answers from Scalingo", unit: "", bot: single(tooMany), target: "0", met: tooMany === 0 },
      {
        metric: `budget used once the burst was spent, while work waited (${(saturatedMs / 1000).toFixed(0)} s)`,
        unit: "%",
        bot: single(utilisation),
        // Only a stream longer than the window makes work wait past the burst's turn (BENCH_QUICK does not).
        ...(plan.streamMs >= 60_000 ? { target: ">= 90%", met: utilisation >= 90 } : {})
      }
    ],
    notes: [
      `${small} \`events <app>\` at once by one warmed account (linked, bearer and regions cached, 4 requests ` +
        `spent a few seconds before), then on another account ${plan.burst} at once followed by one every ` +
        `${plan.streamEveryMs} ms for ${plan.streamMs / 1000} s (${offered} more), so work always waits on the ` +
        "real 60 s window. Each command needs one Scalingo request.",
      "The budget is a sliding-window log (src/scalingo/budgetLog.ts): a burst spends whatever the last 63 s " +
        "(60 s plus 3 s for requests reaching Scalingo late) left unspent, later requests wait their turn in " +
        "line for up to 30 s, and only a turn further away is refused with the time to retry.",
      `${plan.burst} at once: ${burst.served} served, ${burst.told} told when to retry, ${burst.other} answered ` +
        `otherwise. Budget used = requests served after the burst / (${plan.budgetPerMinute}/min × the time ` +
        `from the burst to the last request served): ${afterBurst} in ${(saturatedMs / 1000).toFixed(1)} s; ` +
        "the 3 s allowance caps it near 95%."
    ],
    details: {
      plan,
      atOnce,
      burst,
      offered,
      offeredUntil: offeredUntil - burst.startedAt,
      served: served.length,
      afterBurst,
      saturatedMs,
      worstWindow,
      tooMany,
      timeline: all
        .filter((r) => r.at >= burst.startedAt)
        .map((r) => ({ at: r.at - burst.startedAt, status: r.status }))
    }
  }
}
