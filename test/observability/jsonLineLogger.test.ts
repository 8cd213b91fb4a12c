import { Data, Effect, Logger, Redacted } from "effect"
import { describe, expect, it } from "vitest"
import { jsonLineLogger } from "../../src/logging.js"

/** The production line format, through Effect's own logging: what each kind of value becomes. */

class AppGone extends Data.TaggedError("AppGone")<{ readonly app: string }> {
  override get message() {
    return `no app named ${this.app}`
  }
}

/** Runs `effect` with the JSON logger as the only logger and returns the lines it printed, parsed. */
const linesOf = (effect: Effect.Effect<unknown, unknown>): Array<Record<string, unknown>> => {
  const lines: Array<string> = []
  const capture = Logger.map(jsonLineLogger, (line) => lines.push(line))
  Effect.runSync(effect.pipe(Effect.exit, Effect.provide(Logger.replace(Logger.defaultLogger, capture))))
  return lines.map((l) => JSON.parse(l) as Record<string, unknown>)
}

describe("the production JSON line logger", () => {
  it("keeps the message a string and puts annotations and object parts at the top level", () => {
    const [line] = linesOf(
      Effect.logInfo("command handled", { outcome: "ok", duration_ms: 12 }).pipe(
        Effect.annotateLogs({ slack_team: "T1", subcommand: "apps", scalingo_requests: 2 })
      )
    )
    expect(line).toEqual({
      timestamp: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      level: "info",
      message: "command handled",
      slack_team: "T1",
      subcommand: "apps",
      scalingo_requests: 2,
      outcome: "ok",
      duration_ms: 12
    })
  })

  it("joins several text parts into one message", () => {
    expect(linesOf(Effect.logWarning("Bolt reported", "a socket error", 3))[0]).toMatchObject({
      level: "warn",
      message: "Bolt reported a socket error 3"
    })
  })

  it("prints Redacted values as <redacted>, wherever they sit", () => {
    const secret = Redacted.make("tk-us-very-secret")
    const [line] = linesOf(
      Effect.logInfo("linked", { token: secret, nested: { bearer: secret } }).pipe(Effect.annotateLogs("key", secret))
    )
    expect(JSON.stringify(line)).not.toContain("very-secret")
    expect(line).toMatchObject({ token: "<redacted>", nested: { bearer: "<redacted>" }, key: "<redacted>" })
  })

  it("renders a typed failure as its tag and message, and a defect without its stack", () => {
    const [typed] = linesOf(
      Effect.fail(new AppGone({ app: "shop" })).pipe(Effect.tapErrorCause((c) => Effect.logError("unexpected", c)))
    )
    expect(typed).toMatchObject({ message: "unexpected", cause: "AppGone: no app named shop" })
    const [defect] = linesOf(
      Effect.die(new TypeError("x is undefined")).pipe(Effect.tapDefect((c) => Effect.logError("unexpected", c)))
    )
    expect(defect).toMatchObject({ cause: "TypeError: x is undefined" })
    expect(JSON.stringify(defect)).not.toMatch(/\bat .+:\d+:\d+/)
  })

  it("renders an error given as a field as a short phrase, not an object dump", () => {
    const [line] = linesOf(Effect.logInfo("retrying", { error: new AppGone({ app: "shop" }) }))
    expect(line).toMatchObject({ error: "AppGone: no app named shop" })
  })

  it("says an interrupted piece of work was interrupted", () => {
    const [line] = linesOf(
      Effect.interrupt.pipe(
        Effect.onExit((exit) => (exit._tag === "Failure" ? Effect.logInfo("stopped", exit.cause) : Effect.void))
      )
    )
    expect(line).toMatchObject({ message: "stopped", cause: "interrupted" })
  })

  it("never lets a field replace the line's own level, timestamp or message", () => {
    const [line] = linesOf(Effect.logInfo("hello", { level: "fatal", message: "spoofed" }))
    expect(line).toMatchObject({ level: "info", message: "hello", field_level: "fatal", field_message: "spoofed" })
  })

  it("keeps log spans only when there are some, as milliseconds", () => {
    const [plain] = linesOf(Effect.logInfo("no span"))
    expect(plain).not.toHaveProperty("spans")
    const [timed] = linesOf(Effect.logInfo("in span").pipe(Effect.withLogSpan("lookup")))
    expect(timed!.spans).toEqual({ lookup: expect.any(Number) })
  })

  it("survives circular, deep and huge values, staying one short line", () => {
    const loop: Record<string, unknown> = { name: "loop" }
    loop.self = loop
    const deep = { a: { b: { c: { d: { e: { f: 1 } } } } } }
    const [line] = linesOf(Effect.logInfo("odd", { loop, deep, big: "x".repeat(10_000), n: 10n }))
    expect(line).toMatchObject({ n: "10", deep: { a: { b: { c: { d: "…" } } } } })
    expect(String(line!.big).length).toBeLessThan(600)
  })
})
