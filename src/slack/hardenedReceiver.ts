import { createHmac, timingSafeEqual } from "node:crypto"
import type { IncomingHttpHeaders, IncomingMessage, RequestListener, ServerResponse } from "node:http"
import { parse as parseQuery } from "node:querystring"
import { HTTPReceiver, type HTTPReceiverOptions } from "@slack/bolt"
import type { AckGate } from "./AckGate.js"

/** Bolt's own default limit for a request body. */
const BODY_LIMIT = 4 * 1024 * 1024
/** Slack's replay window: a request signed more than 5 minutes away from now (either way) is refused. */
const MAX_SKEW_SECONDS = 300
/** How long a refused upload's connection may linger so the 413 is read before the socket is destroyed. */
const LINGER_MS = 1_000

type Verdict = "signed" | "ssl_check" | "no signature" | "stale" | "bad signature"

/**
 * Slack's v0 signature over the raw bytes, checked before anything is parsed. Slack's `ssl_check=1`
 * probe needs none (Bolt answers it with an empty 200); it is recognised by a scan, not a parse.
 */
const verify = (headers: IncomingHttpHeaders, raw: Buffer, secret: string, now: number): Verdict => {
  const signature = headers["x-slack-signature"]
  const timestamp = headers["x-slack-request-timestamp"]
  if (typeof signature !== "string" || typeof timestamp !== "string" || !/^\d{1,12}$/.test(timestamp)) {
    const form = headers["content-type"] === "application/x-www-form-urlencoded"
    return form && /(?:^|&)ssl_check=1(?:&|$)/.test(raw.toString("latin1")) ? "ssl_check" : "no signature"
  }
  if (Math.abs(now - Number(timestamp)) > MAX_SKEW_SECONDS) return "stale"
  const expected = Buffer.from(
    `v0=${createHmac("sha256", secret).update(`v0:${timestamp}:`).update(raw).digest("hex")}`
  )
  const given = Buffer.from(signature)
  return given.length === expected.length && timingSafeEqual(given, expected) ? "signed" : "bad signature"
}

/**
 * The JSON a Slack request carries (`payload=` field or a JSON body) when it parses but is not an
 * object. Bolt 5.1 reads `body.ssl_check` on it outside its error handling, so `payload=null`
 * would kill the process with an unhandled rejection. Only signed bodies get here.
 */
const notAnObject = (raw: string, contentType: string | undefined): boolean => {
  let text: string | undefined = raw
  if (contentType === "application/x-www-form-urlencoded") {
    const payload = parseQuery(raw).payload
    text = typeof payload === "string" ? payload : undefined
  }
  if (text === undefined) return false
  try {
    const value: unknown = JSON.parse(text)
    return typeof value !== "object" || value === null || Array.isArray(value)
  } catch {
    return false // unreadable JSON: Bolt answers 400 itself
  }
}

/**
 * What makes a signed request the same one again: its signature (over its timestamp and body) for a
 * replay of the very request; for an event, Slack's `event_id`, which its own retries (new timestamp,
 * new signature, `x-slack-retry-num`) carry too.
 */
const deliveryKey = (headers: IncomingHttpHeaders, raw: string): string => {
  if (headers["content-type"]?.startsWith("application/json")) {
    try {
      const eventId = (JSON.parse(raw) as { event_id?: unknown }).event_id
      if (typeof eventId === "string" && eventId !== "") return `event:${eventId.slice(0, 100)}`
    } catch {
      // not JSON: Bolt answers it
    }
  }
  return `signed:${String(headers["x-slack-signature"]).slice(3, 67)}`
}

const answer = (res: ServerResponse, status: number) => {
  res.writeHead(status)
  res.end()
}

/**
 * Bolt's HTTP receiver, guarded: a body is read only up to the limit (past it, reading stops, 413 goes
 * out at once and the connection is closed); its signature and freshness are checked before anything
 * is parsed (401 otherwise); a signed payload that is not a JSON object is refused with 400 before Bolt
 * sees it; a request already handled (a replay within the 5 minutes a signature is fresh, or Slack's
 * retry of an event) is never handled again; and an event Bolt cannot process (a payload missing its
 * user, actions or view) gets 400 instead of Bolt's 500.
 */
export const hardenedHttpReceiver = (
  options: HTTPReceiverOptions & {
    readonly gate?: AckGate
    /** True the first time a request (by deliveryKey) is seen, on any replica. */
    readonly firstDelivery?: (key: string) => Promise<boolean>
  }
): HTTPReceiver => {
  const { gate, firstDelivery, ...receiverOptions } = options
  const endpoints = new Set(
    typeof options.endpoints === "string" ? [options.endpoints] : (options.endpoints ?? ["/slack/events"])
  )
  const log = options.logger
  const receiver = new HTTPReceiver({
    ...receiverOptions,
    processEventErrorHandler: async ({ error, logger, response }) => {
      if (response.headersSent) return false
      const authorization = (error as { code?: unknown }).code === "slack_bolt_authorization_error"
      logger.warn(`Refused a request Slack's SDK could not process: ${error.message}`)
      answer(response, authorization ? 401 : 400)
      return true
    }
  })

  /** Stops reading, answers 413 and closes: whatever else the client sends is never read. */
  const refuseOversize = (req: IncomingMessage, res: ServerResponse, read: number) => {
    req.pause()
    req.removeAllListeners("data")
    req.on("error", () => undefined) // the client may reset the connection it was still sending on
    log?.info(`Refused a request body over ${BODY_LIMIT} bytes after reading ${read} bytes of it`)
    res.writeHead(413, { connection: "close" })
    res.end(() => setTimeout(() => req.socket.destroy(), LINGER_MS).unref())
  }

  let toldMismatch = false
  const bolt: RequestListener = receiver.requestListener
  receiver.requestListener = (req: IncomingMessage, res: ServerResponse) => {
    const path = new URL(req.url ?? "/", "http://localhost").pathname
    if (req.method !== "POST" || !endpoints.has(path)) return bolt(req, res)
    if (Number(req.headers["content-length"]) > BODY_LIMIT) return refuseOversize(req, res, 0)
    if (gate !== undefined) {
      gate.arrived()
      res.once("close", gate.answered)
    }
    const chunks: Array<Buffer> = []
    let size = 0
    req.on("data", (chunk: Buffer) => {
      size += chunk.length
      if (size > BODY_LIMIT) return refuseOversize(req, res, size)
      chunks.push(chunk)
    })
    req.on("error", () => res.destroy())
    req.on("end", () => {
      if (size > BODY_LIMIT) return
      const rawBody = Buffer.concat(chunks)
      const verdict = verify(req.headers, rawBody, options.signingSecret, Math.floor(Date.now() / 1000))
      if (verdict === "ssl_check") return answer(res, 200)
      if (verdict === "bad signature" && !toldMismatch) {
        // Once: the usual cause is a wrong secret, and then every request fails the same way.
        toldMismatch = true
        log?.warn(
          `Refused a request to ${path} whose signature does not match: check that SLACK_SIGNING_SECRET is ` +
            "this Slack app's Signing Secret (api.slack.com/apps, Basic Information, App Credentials). " +
            "Later mismatches are logged at debug level."
        )
        return answer(res, 401)
      }
      if (verdict !== "signed") {
        log?.debug(`Refused a request to ${path}: ${verdict}`)
        return answer(res, 401)
      }
      const text = rawBody.toString("utf8")
      if (notAnObject(text, req.headers["content-type"])) return answer(res, 400)
      const first =
        firstDelivery === undefined
          ? Promise.resolve(true)
          : firstDelivery(deliveryKey(req.headers, text)).catch(() => true)
      void first.then((isFirst) => {
        if (!isFirst) {
          // Slack's retry is acknowledged (or it retries again); anyone else's copy is refused.
          const retry = req.headers["x-slack-retry-num"] !== undefined
          log?.info(retry ? "Acknowledged a retry of a request already handled" : "Refused a replayed signed request")
          return answer(res, retry ? 200 : 401)
        }
        // Bolt reuses a body already read into `rawBody` (HTTPModuleFunctions.bufferIncomingMessage).
        Object.assign(req, { rawBody })
        bolt(req, res)
      })
    })
  }
  return receiver
}
