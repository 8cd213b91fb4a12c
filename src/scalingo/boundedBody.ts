import type * as HttpClientError from "@effect/platform/HttpClientError"
import * as HttpClientResponse from "@effect/platform/HttpClientResponse"
import { Data, Effect, Stream } from "effect"

/** No answer of Scalingo's is read past this: a build log of more would not fit in memory nor in Slack. */
export const MAX_BODY_BYTES = 8 * 1024 * 1024

/** An answer longer than MAX_BODY_BYTES: reading stopped there. */
export class BodyTooLarge extends Data.TaggedError("BodyTooLarge")<{ readonly limit: number }> {}

const NO_BODY = new Set([204, 205, 304])

/**
 * Reads a body up to `limit` bytes (a declared length past it fails before any is read) and hands back
 * a response holding those bytes, so its `text` and `json` never read more.
 */
export const readBounded = (
  response: HttpClientResponse.HttpClientResponse,
  limit = MAX_BODY_BYTES
): Effect.Effect<HttpClientResponse.HttpClientResponse, HttpClientError.ResponseError | BodyTooLarge> =>
  Effect.gen(function* () {
    if (Number(response.headers["content-length"]) > limit) return yield* new BodyTooLarge({ limit })
    const chunks: Array<Uint8Array> = []
    let size = 0
    yield* response.stream.pipe(
      Stream.mapError((error): HttpClientError.ResponseError | BodyTooLarge => error),
      Stream.runForEach((chunk) => {
        size += chunk.byteLength
        if (size > limit) return new BodyTooLarge({ limit })
        chunks.push(chunk)
        return Effect.void
      })
    )
    const bytes = Buffer.concat(chunks)
    const headers = Object.entries(response.headers).filter(([name]) => name !== "content-encoding")
    const web = new Response(NO_BODY.has(response.status) ? null : bytes, { status: response.status, headers })
    return HttpClientResponse.fromWeb(response.request, web)
  })
