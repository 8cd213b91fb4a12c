import * as HttpClientRequest from "@effect/platform/HttpClientRequest"
import { Effect, Option, Schema } from "effect"
import type { SlackWebService } from "../SlackWeb.js"
import type { SlackHttpService } from "./SlackHttp.js"
import type { WebApi } from "./webApi.js"

const UploadTicket = Schema.Struct({ upload_url: Schema.String, file_id: Schema.String })
const Completed = Schema.Struct({ files: Schema.Array(Schema.Struct({ id: Schema.String })) })

/**
 * Slack's current upload flow (files.upload is retired): ask for an upload URL, send the bytes there,
 * then complete the upload into a channel or DM, optionally in a thread with a comment. The upload URL
 * is pre-signed, so the bot token is not sent to it. The files.* steps take form bodies, as documented.
 */
export const makeFileUpload =
  (api: WebApi, http: SlackHttpService): SlackWebService["uploadFile"] =>
  (upload) =>
    Effect.gen(function* () {
      const bytes = typeof upload.content === "string" ? new TextEncoder().encode(upload.content) : upload.content
      const ticket = yield* api.call({
        method: "files.getUploadURLExternal",
        params: { filename: upload.filename, length: bytes.byteLength, snippet_type: upload.snippetType },
        answer: UploadTicket,
        encoding: "form",
        idempotent: true
      })
      yield* http.deliver({
        method: "files.upload_url",
        request: HttpClientRequest.post(ticket.upload_url).pipe(
          HttpClientRequest.bodyUint8Array(bytes, "application/octet-stream")
        ),
        lane: Option.none(),
        waitWhenLimited: true,
        // The same bytes to the same pre-signed URL: sending them again changes nothing.
        idempotent: true
      })
      const completed = yield* api.call({
        method: "files.completeUploadExternal",
        params: {
          files: [{ id: ticket.file_id, title: upload.title ?? upload.filename }],
          channel_id: upload.channel,
          thread_ts: upload.threadTs,
          initial_comment: upload.initialComment
        },
        answer: Completed,
        encoding: "form",
        lane: Option.some(upload.channel),
        // Completing shares the file in the channel: a second completion could show it twice.
        idempotent: false
      })
      return { fileId: completed.files[0]?.id ?? ticket.file_id }
    })
