import { describe, expect, it } from "vitest"
import { describeCause, scrubCredentials } from "../../src/storage/StorageError.js"

describe("StorageError descriptions", () => {
  it("hide the password of any URL they mention", () => {
    expect(scrubCredentials("connect to postgres://bot:hunter2@db:5432/app failed")).toBe(
      "connect to postgres://bot:***@db:5432/app failed"
    )
    expect(scrubCredentials("postgresql://only-user@db/app")).toBe("postgresql://only-user@db/app")
  })

  it("keep the messages and codes of nested causes, not the causes themselves", () => {
    const driver = Object.assign(new Error('password authentication failed for user "bot"'), {
      code: "28P01",
      input: "postgres://bot:hunter2@db/app"
    })
    const outer = new Error("PgClient: Failed to connect", { cause: driver })
    expect(describeCause(outer)).toBe(
      'PgClient: Failed to connect: password authentication failed for user "bot" (28P01)'
    )
    expect(describeCause(new Error("Invalid URL postgres://bot:hunter2@db/app"))).not.toContain("hunter2")
  })
})
