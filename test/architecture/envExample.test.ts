import { parseEnv } from "node:util"
import { ConfigProvider, Effect, Either } from "effect"
import { describe, expect, it } from "vitest"
import { readEverySetting } from "../../src/settings.js"
import { readSource } from "./sourceFiles.js"

/**
 * `.env.example` names every variable the bot reads (as start-up reads them, recorded), with values the
 * bot accepts and no real secret; the README's settings table documents each one.
 */

/** Reads every setting from `env`; returns the result and each variable name start-up looked up. */
const readFrom = (env: Record<string, string>) => {
  const looked = new Set<string>()
  const provider = ConfigProvider.fromMap(new Map(Object.entries(env))).pipe(
    ConfigProvider.mapInputPath((name) => {
      looked.add(name)
      return name
    })
  )
  const result = Effect.runSync(Effect.either(readEverySetting.pipe(Effect.withConfigProvider(provider))))
  return { result, looked: [...looked].sort() }
}

const example = readSource(".env.example")
/** The example as a person leaves it (only the uncommented lines), and with every commented setting on. */
const asIs = parseEnv(example) as Record<string, string>
const everything = parseEnv(example.replace(/^# ([A-Z][A-Z0-9_]*=)/gm, "$1")) as Record<string, string>

describe(".env.example", () => {
  it("names every variable the bot reads", () => {
    const { looked } = readFrom({})
    expect(looked).toContain("SLACK_BOT_TOKEN")
    expect(looked.filter((name) => !(name in everything))).toEqual([])
  })

  it("names nothing the bot does not read", () => {
    const { looked } = readFrom(everything)
    expect(Object.keys(everything).filter((name) => !looked.includes(name) && name !== "DATABASE_URL")).toEqual(
      // Read only when DATABASE_URL is unset, as it is on Scalingo with the PostgreSQL addon.
      ["SCALINGO_POSTGRESQL_URL"]
    )
  })

  it("as it is, start-up refuses its placeholder Slack credentials, saying which setting and what to put", () => {
    const { result } = readFrom(asIs)
    const said = Either.isLeft(result) ? result.left.message : "started"
    expect(said).toMatch(/SLACK_BOT_TOKEN: is still the placeholder from \.env\.example: put .*Bot User OAuth Token/)
    expect(said).toMatch(/SLACK_SIGNING_SECRET: is still the placeholder from \.env\.example: put .*Signing Secret/)
    expect(said.split("\n").filter((line) => line.includes("placeholder"))).toHaveLength(2)
  })

  it("holds only values the bot accepts once the Slack credentials are filled in, every commented one included", () => {
    const filled = Object.fromEntries(
      Object.entries(everything).map(([name, value]) => [name, value.replace(/your-[a-z-]+/, "filled-in-1234")])
    )
    expect(readFrom({ ...filled, SLACK_APP_TOKEN: "" }).result).toMatchObject(Either.right({}))
    const { result } = readFrom(filled)
    expect(Either.isRight(result) ? "valid" : result.left.message).toBe("valid")
  })

  it("refuses the placeholder app-level token too", () => {
    const { result } = readFrom({ ...everything })
    expect(Either.isLeft(result) ? result.left.message : "started").toMatch(/SLACK_APP_TOKEN: is still the placeholder/)
  })

  it("holds no real secret: tokens are placeholders, the key is all zeros", () => {
    for (const [name, value] of Object.entries(everything)) {
      if (/TOKEN|SECRET/.test(name) && name !== "TOKEN_ENCRYPTION_KEY") expect(value, name).toContain("your-")
    }
    expect(Buffer.from(everything.TOKEN_ENCRYPTION_KEY!, "base64")).toEqual(Buffer.alloc(32))
    expect(example).not.toMatch(/xox[bpa]-\d|xapp-\d|tk-us-[A-Za-z0-9]{8}/)
  })

  it("is documented variable by variable in the README's settings table", () => {
    const readme = readSource("README.md")
    const missing = Object.keys(everything).filter(
      (name) => name !== "SCALINGO_POSTGRESQL_URL" && !readme.includes(`| \`${name}\` |`)
    )
    expect(missing).toEqual([])
  })
})
