import type { IncomingMessage, ServerResponse } from "node:http"
import type { CustomRoute } from "@slack/bolt"
import { WEBHOOK_PATH } from "../watching/WatchSettings.js"

/** A Scalingo push is one event object: a few kilobytes. Anything much larger is not one. */
export const DOORBELL_BODY_LIMIT = 64 * 1024

const answer = (res: ServerResponse, status: number, close = false) => {
  if (res.headersSent) return
  res.writeHead(status, { "content-type": "text/plain", ...(close ? { connection: "close" } : {}) })
  res.end(status === 202 ? "accepted" : status === 404 ? "not found" : status === 413 ? "too large" : "try again later")
}

/**
 * `POST <WEBHOOK_PATH>/<secret>`, served on the bot's port in HTTP and Socket Mode alike. The call is a
 * doorbell: its body is read only up to the limit and never parsed or trusted; a subscription's secret
 * is answered 202 at once and makes the bot read the app through the API; any other URL gets 404. When
 * the bot cannot tell (its database fails) it answers 503: Scalingo retries, where a 404 might make it
 * give up on (disable) the notifier.
 */
export const doorbellRoute = (ring: (secret: string) => Promise<boolean>): CustomRoute => ({
  path: `${WEBHOOK_PATH}/:secret`,
  method: ["POST"],
  handler: (req: IncomingMessage & { params?: Record<string, string | Array<string>> }, res: ServerResponse) => {
    const given = req.params?.secret
    const secret = typeof given === "string" ? given : ""
    const refuse = () => {
      req.pause()
      req.removeAllListeners("data")
      req.on("error", () => undefined)
      answer(res, 413, true)
      setTimeout(() => req.socket.destroy(), 1_000).unref()
    }
    if (Number(req.headers["content-length"]) > DOORBELL_BODY_LIMIT) return refuse()
    let size = 0
    req.on("data", (chunk: Buffer) => {
      size += chunk.length
      if (size > DOORBELL_BODY_LIMIT) refuse()
    })
    req.on("error", () => res.destroy())
    req.on("end", () => {
      if (size > DOORBELL_BODY_LIMIT) return
      ring(secret).then(
        (known) => answer(res, known ? 202 : 404),
        () => answer(res, 503)
      )
    })
  }
})
