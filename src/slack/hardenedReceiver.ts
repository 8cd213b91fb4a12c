import type { IncomingMessage, RequestListener, ServerResponse } from "node:http"
import { parse as parseQuery } from "node:querystring"
import { HTTPReceiver, type HTTPReceiverOptions } from "@slack/bolt"

/** Bolt's own default limit for a request body. */
const BODY_LIMIT = 4 * 1024 * 1024

/**
 * The JSON a Slack request carries (`payload=` field or a JSON body) when it parses but is not an
 * object. Bolt 5.1 reads `body.ssl_check` on it outside its error handling, so `payload=null`
 * would kill the process with an unhandled rejection.
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

const answer = (res: ServerResponse, status: number) => {
  res.writeHead(status)
  res.end()
}

/**
 * Bolt's HTTP receiver, guarded against signed but malformed requests: a payload that is not a JSON
 * object is refused with 400 before Bolt sees it, and an event Bolt cannot process (a payload
 * missing its user, actions or view) is answered 400 instead of Bolt's 500.
 */
export const hardenedHttpReceiver = (options: HTTPReceiverOptions): HTTPReceiver => {
  const endpoints = new Set(
    typeof options.endpoints === "string" ? [options.endpoints] : (options.endpoints ?? ["/slack/events"])
  )
  const receiver = new HTTPReceiver({
    ...options,
    processEventErrorHandler: async ({ error, logger, response }) => {
      if (response.headersSent) return false
      const authorization = (error as { code?: unknown }).code === "slack_bolt_authorization_error"
      logger.warn(`Refused a request Slack's SDK could not process: ${error.message}`)
      answer(response, authorization ? 401 : 400)
      return true
    }
  })
  const bolt: RequestListener = receiver.requestListener
  receiver.requestListener = (req: IncomingMessage, res: ServerResponse) => {
    const path = new URL(req.url ?? "/", "http://localhost").pathname
    if (req.method !== "POST" || !endpoints.has(path)) return bolt(req, res)
    const chunks: Array<Buffer> = []
    let size = 0
    req.on("data", (chunk: Buffer) => {
      size += chunk.length
      if (size <= BODY_LIMIT) chunks.push(chunk)
    })
    req.on("error", () => res.destroy())
    req.on("end", () => {
      if (size > BODY_LIMIT) return answer(res, 413)
      const rawBody = Buffer.concat(chunks)
      if (notAnObject(rawBody.toString("utf8"), req.headers["content-type"])) return answer(res, 400)
      // Bolt reuses a body already read into `rawBody` (HTTPModuleFunctions.bufferIncomingMessage).
      Object.assign(req, { rawBody })
      bolt(req, res)
    })
  }
  return receiver
}
