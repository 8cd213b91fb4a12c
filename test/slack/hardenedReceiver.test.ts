// Issue 9, defect 15, through real HTTP to the real bot: nothing is parsed before the signature (and its
// freshness) is checked, and a body past the 4 MB limit stops being read the moment it passes it.
import { connect } from "node:net"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { eventually } from "../support/bounded.js"
import { expectBotStillUp, privateReply } from "../support/faultChecks.js"
import { nowSeconds, postSigned, signedHeaders } from "../support/slackRequests.js"
import { SIGNING_SECRET, startWorld, type World } from "../support/world.js"

const LIMIT = 4 * 1024 * 1024
const TEN_MB = 10 * 1024 * 1024
const CHUNK = 64 * 1024

interface Upload {
  /** The first line the bot answered. */
  readonly status: string
  /** Bytes of body the client had sent when the answer arrived. */
  readonly sentBeforeAnswer: number
  /** Bytes of body sent before the connection closed. */
  readonly sent: number
}

/**
 * POSTs `total` bytes of body over a raw socket, 64 KB at a time as the socket drains (chunked, or with
 * a Content-Length), and keeps sending until the bot answers and closes the connection.
 */
const upload = (port: number, total: number, framing: "chunked" | "declared"): Promise<Upload> =>
  new Promise((resolve) => {
    const socket = connect(port, "127.0.0.1")
    const piece = Buffer.alloc(CHUNK, "a")
    let sent = 0
    let sentBeforeAnswer = -1
    let answer = ""
    const pump = (): void => {
      if (socket.destroyed) return
      if (sent >= total) {
        if (framing === "chunked") socket.write("0\r\n\r\n")
        return
      }
      sent += CHUNK
      const frame =
        framing === "chunked"
          ? Buffer.concat([Buffer.from(`${CHUNK.toString(16)}\r\n`), piece, Buffer.from("\r\n")])
          : piece
      // A paced client (one chunk per millisecond at most), so what the bot read is what it was sent.
      if (socket.write(frame)) setTimeout(pump, 1)
      else socket.once("drain", pump)
    }
    socket.on("data", (data) => {
      if (sentBeforeAnswer < 0) sentBeforeAnswer = sent
      answer += data.toString("latin1")
    })
    socket.on("error", () => undefined)
    socket.on("close", () => resolve({ status: answer.split("\r\n")[0] ?? "", sentBeforeAnswer, sent }))
    socket.on("connect", () => {
      const length = framing === "chunked" ? "transfer-encoding: chunked" : `content-length: ${total}`
      socket.write(
        `POST /slack/events HTTP/1.1\r\nhost: 127.0.0.1\r\ncontent-type: ` +
          `application/x-www-form-urlencoded\r\n${length}\r\n\r\n`
      )
      pump()
    })
  })

describe("defect 15: unsigned bodies parsed before the signature check, oversize bodies read to the end", () => {
  let world: World
  beforeAll(async () => {
    world = await startWorld()
  })
  afterAll(async () => {
    await world?.close()
  })

  const post = (body: string, headers: Record<string, string>) =>
    fetch(`${world.bot.url}/slack/events`, { method: "POST", headers, body }).then((r) => r.status)
  const FORM = { "content-type": "application/x-www-form-urlencoded" }

  it(
    "an unsigned payload=null body is refused as unsigned (401) without being parsed; signed, " + "it is a 400",
    async () => {
      expect(await post("payload=null", FORM)).toBe(401)
      const forged = { ...signedHeaders("payload=null", "not-the-secret") }
      expect(await post("payload=null", forged)).toBe(401)
      expect(await post("payload=null", signedHeaders("payload=null", SIGNING_SECRET))).toBe(400)
      expect(await post('{"type":"url_verification"', { "content-type": "application/json" })).toBe(401)
      await expectBotStillUp(world)
    }
  )

  it("a signature that does not match is logged once, naming the signing secret to check", async () => {
    for (let i = 0; i < 3; i++) {
      const body = `command=%2Fscalingo&text=help&n=${i}`
      expect(await post(body, { ...FORM, ...signedHeaders(body, "another-apps-secret") })).toBe(401)
    }
    const told = world.bot.output.filter((line) => /signature/i.test(line) && line.includes("SLACK_SIGNING_SECRET"))
    expect(told).toHaveLength(1)
    expect(told[0]).toMatch(/Signing Secret/)
  })

  it("a signature from more than 5 minutes in the future is refused like a stale one", async () => {
    const future = await postSigned(world.bot.url, SIGNING_SECRET, "command=%2Fscalingo&text=help", {
      timestamp: nowSeconds() + 6 * 60
    })
    expect(future.status).toBe(401)
  })

  it("Slack's unsigned ssl_check probe is still answered 200 with nothing in it", async () => {
    const res = await fetch(`${world.bot.url}/slack/events`, {
      method: "POST",
      headers: FORM,
      body: "ssl_check=1&token=x"
    })
    expect([res.status, await res.text()]).toEqual([200, ""])
  })

  it("a 10 MB body is cut off past the 4 MB limit: 413 before the upload finishes, and the bot " +
    "read no more", async () => {
    const mark = world.bot.output.length
    const result = await upload(world.bot.port, TEN_MB, "chunked")
    expect(result.status).toBe("HTTP/1.1 413 Payload Too Large")
    expect(result.sentBeforeAnswer).toBeGreaterThan(0)
    expect(result.sentBeforeAnswer).toBeLessThan(TEN_MB)
    expect(result.sent).toBeLessThan(TEN_MB)
    const read = world.bot.output
      .slice(mark)
      .map((line) => /after reading (\d+) bytes/.exec(line)?.[1])
      .find((n) => n !== undefined)
    expect(Number(read)).toBeGreaterThan(LIMIT)
    expect(Number(read)).toBeLessThanOrEqual(LIMIT + CHUNK * 2)
  }, 30_000)

  it("a body declared at 10 MB is answered 413 before any of it is read", async () => {
    const mark = world.bot.output.length
    const result = await upload(world.bot.port, TEN_MB, "declared")
    expect(result.status).toBe("HTTP/1.1 413 Payload Too Large")
    expect(result.sent).toBeLessThan(TEN_MB)
    // The bot's log line may reach us just after its answer.
    await eventually(() => world.bot.output.slice(mark).join("\n").includes("after reading"), 5_000, 50)
    expect(world.bot.output.slice(mark).join("\n")).toContain("after reading 0 bytes")
  }, 30_000)

  it("afterwards the bot is up and answers a signed command", async () => {
    await expectBotStillUp(world)
    expect(await privateReply(world, "help", { userId: "UAFTER", channelId: "CAFTER" })).toContain("/scalingo")
  })
})
