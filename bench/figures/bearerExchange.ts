// Bearer exchanges: concurrent commands by one account whose bearer Scalingo has just expired
// (every request answered 401 until a new exchange). Target: exactly one exchange, every command served.
// 25 commands: each costs two requests here (the 401, then the retry) plus the one exchange, which fits
// the account's 60 a minute; more at once would spend the budget on 401s and the exchange would wait
// in line behind them (see the saturation figure for what the budget does with more).
import { SIGNING_SECRET, warmedAccount, type BenchWorld } from "../lib/benchWorld.js"
import type { Child } from "../lib/children.js"
import type { FigureResult } from "../lib/report.js"
import { single } from "../lib/stats.js"

const COMMANDS = 25

export const bearerExchangeFigure = async (world: BenchWorld, bot: Child): Promise<FigureResult> => {
  world.sim.faults.clear()
  const username = "bearer-user",
    userId = "UBEARER",
    app = "bearer-web"
  // Linked and read once (bearer and regions cached), then the request budget left to refill.
  await warmedAccount(world, bot, { username, userId, app })

  world.sim.expireBearers()
  const since = Date.now()
  const commands = Array.from({ length: COMMANDS }, () => ({
    text: `events ${app}`,
    userId,
    responseUrl: world.slack.responseUrl()
  }))
  const fired = await world.load.fire(bot.url, SIGNING_SECRET, commands, COMMANDS)
  const pages = () =>
    world.slack.calls.filter((c) => c.method === "chat.postMessage" && c.params.thread_ts !== undefined).length
  await world
    .until("every command's outcome", () => pages() + world.slack.responses.length >= COMMANDS, 30_000)
    .catch(() => undefined)
  await new Promise((resolve) => setTimeout(resolve, 500))

  const requests = world.sim.requests.filter((r) => r.account === username && r.at >= since)
  const exchanges = requests.filter((r) => r.path === "/v1/tokens/exchange").length
  const unauthorized = requests.filter((r) => r.status === 401).length
  const budgetAnswers = world.slack.responses.filter((r) => JSON.stringify(r.body).includes("request budget")).length
  const otherAnswers = world.slack.responses.length - budgetAnswers
  const served = pages()
  return {
    id: "bearer-exchange",
    title: `Bearer exchanges: ${COMMANDS} concurrent commands, one account, bearer expired`,
    rows: [
      {
        metric: "token exchanges (POST /v1/tokens/exchange)",
        unit: "",
        bot: single(exchanges),
        target: "exactly 1",
        met: exchanges === 1
      },
      { metric: "requests answered 401 (the expired bearer)", unit: "", bot: single(unauthorized) },
      {
        metric: "commands served (a page posted)",
        unit: "",
        bot: single(served),
        target: `${COMMANDS}`,
        met: served === COMMANDS
      },
      { metric: "commands told the budget is spent, retry later", unit: "", bot: single(budgetAnswers) },
      { metric: "commands answered otherwise (errors)", unit: "", bot: single(otherAnswers) }
    ],
    notes: [
      `\`events ${app}\` ×${COMMANDS} at once by one person after simulator.expireBearers(); ` +
        `acks: ${fired.statuses.filter((s) => s === 200).length}/${COMMANDS} were 200.`,
      `One account may make 60 Scalingo requests a minute: ${COMMANDS} commands, each answered 401 once and ` +
        "retried once with the fresh bearer, plus the exchange, fit in it, so the figure is about how many " +
        "exchanges the expired bearer causes, not about the budget.",
      `Scalingo requests for the account: ${requests.length} ` +
        `(${[...new Set(requests.map((r) => `${r.method} ${r.path} ${r.status}`))].join(", ")}).`,
      ...(otherAnswers > 0
        ? [
            `other answers: ${[
              ...new Set(
                world.slack.responses
                  .filter((r) => !JSON.stringify(r.body).includes("request budget"))
                  .map((r) => JSON.stringify(r.body).slice(0, 160))
              )
            ]
              .slice(0, 2)
              .join(" | ")}`
          ]
        : [])
    ],
    details: {
      exchanges,
      unauthorized,
      served,
      budgetAnswers,
      otherAnswers,
      requests: requests.map((r) => ({ at: r.at - since, method: r.method, path: r.path, status: r.status }))
    }
  }
}
