import * as HttpClientRequest from "@effect/platform/HttpClientRequest"
import { Effect, Option } from "effect"
import type { RespondBody } from "../SlackWeb.js"
import type { SlackApiError } from "./SlackApiError.js"
import type { SlackHttpService } from "./SlackHttp.js"

/**
 * A POST to an interaction's response_url, through the same pipeline as the Web API. The URL is its own
 * credential: no bot token goes with it. Each URL is its own lane (Slack allows 5 uses in 30 minutes).
 */
export const makeRespond =
  (http: SlackHttpService) =>
  (responseUrl: string, body: RespondBody): Effect.Effect<void, SlackApiError> =>
    http
      .deliver({
        method: "response_url",
        request: HttpClientRequest.post(responseUrl).pipe(
          HttpClientRequest.acceptJson,
          HttpClientRequest.bodyText(
            JSON.stringify({
              text: body.message.text,
              blocks: body.message.blocks,
              response_type: body.inChannel ? "in_channel" : "ephemeral",
              replace_original: body.replaceOriginal ?? false
            }),
            "application/json; charset=utf-8"
          )
        ),
        lane: Option.some(`response_url ${responseUrl}`),
        waitWhenLimited: true,
        // Replacing a message twice with the same content is one replacement; a new message twice is two.
        idempotent: body.replaceOriginal === true
      })
      .pipe(Effect.asVoid)
