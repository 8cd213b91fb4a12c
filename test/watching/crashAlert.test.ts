import { describe, expect, it } from "vitest"
import type { ScalingoEvent } from "../../src/scalingo/schemas/events/index.js"
import { CRASH_LOG_LINES, crashAlertMessage, crashLogExcerpt } from "../../src/watching/crashAlertView.js"
import { textOf } from "../support/commandKit.js"

const crash = (crashLogs: string) =>
  ({
    id: "ev-1",
    type: "crash",
    created_at: "2026-01-01T10:00:00Z",
    type_data: { container_type: "web", crash_logs: crashLogs, logs_url: "https://logs.example.com/x?token=LOGTOKEN1" }
  }) as unknown as ScalingoEvent

describe("the crash alert's log lines", () => {
  it("keeps only the last few lines, each short", () => {
    const lines = Array.from({ length: 12 }, (_, i) => `line ${i} ${"x".repeat(i === 11 ? 400 : 3)}`)
    const excerpt = crashLogExcerpt(crash(lines.join("\n")))
    expect(excerpt).toHaveLength(CRASH_LOG_LINES)
    expect(excerpt[0]).toContain("line 7")
    expect(excerpt.at(-1)!.length).toBeLessThanOrEqual(161)
  })

  it("hides what looks like a secret, and never shows the log URL", () => {
    const logs = [
      "connecting to postgres://app:hunter2pass@db.internal:5432/prod",
      "API_KEY=sk_live_abcdefgh12345678 PASSWORD: 'opensesame'",
      "Authorization: Bearer abcdef123456789xyz",
      "signing with 9f8e7d6c5b4a39281706f5e4d3c2b1a0ffeeddcc",
      "Error: user alice@example.com exited with code 137"
    ].join("\n")
    const text = textOf(crashAlertMessage("my-app", "osc-fr1", crash(logs)))
    for (const secret of [
      "hunter2pass",
      "sk_live_abcdefgh12345678",
      "opensesame",
      "abcdef123456789xyz",
      "9f8e7d6c5b4a"
    ])
      expect(text).not.toContain(secret)
    expect(text).not.toContain("alice@example.com")
    expect(text).not.toContain("LOGTOKEN1")
    expect(text).toContain("exited with code 137")
  })
})
