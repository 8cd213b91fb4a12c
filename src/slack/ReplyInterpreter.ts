import { Effect, Layer } from "effect"
import type { Message } from "../blockKit/blocks.js"
import { newReference } from "../runtime/errorMessages.js"
import { type Origin, Replies } from "../runtime/replies/Replies.js"
import { Reply, ReplyFailed, type Shown } from "../runtime/replies/Reply.js"
import { type SlackApiError, SlackWeb } from "./SlackWeb.js"

const failed = (error: SlackApiError) => new ReplyFailed({ method: error.method, code: error.code })
const nowhere = (method: string) => Effect.fail(new ReplyFailed({ method, code: "no_destination" }))

/**
 * The one interpreter of reply values: each becomes the Web API call (or response_url post) that
 * shows it, with the fallbacks people expect: a private answer whose response_url no longer works is
 * sent as an ephemeral message; a message the bot cannot post in a channel is shown privately when the
 * command says how. A private answer that may have gone through (a timeout) is not sent again another way.
 */
export const ReplyInterpreterLive = Layer.effect(
  Replies,
  Effect.gen(function* () {
    const web = yield* SlackWeb

    const privately = (origin: Origin, message: Message, replace: boolean): Effect.Effect<Shown, ReplyFailed> => {
      const slack = web.forTeam(origin.person.teamId)
      const ephemeral =
        origin.channelId === undefined
          ? // A click on the App Home has neither a channel nor a response_url: the answer goes to the DM.
            origin.responseUrl === undefined
            ? Effect.flatMap(slack.openDirectMessage(origin.person.userId), ({ channel }) =>
                slack.postMessage({ channel, message })
              ).pipe(Effect.mapError(failed))
            : nowhere("chat.postEphemeral")
          : slack
              .postEphemeral({ channel: origin.channelId, user: origin.person.userId, message })
              .pipe(Effect.mapError(failed))
      const viaResponseUrl =
        origin.responseUrl === undefined
          ? ephemeral
          : slack.respond(origin.responseUrl, { message, replaceOriginal: replace }).pipe(
              Effect.catchAll((error) =>
                // An answer that may have been shown is not shown again another way.
                origin.channelId === undefined || error.maybeActed === true
                  ? Effect.fail(failed(error))
                  : Effect.zipRight(
                      Effect.logWarning(`response_url refused an answer (${error.code}); sent it ephemerally`).pipe(
                        Effect.annotateLogs({ reference: newReference() })
                      ),
                      ephemeral
                    )
              )
            )
      return Effect.as(viaResponseUrl, { privately: true })
    }

    const show = (origin: Origin, reply: Reply): Effect.Effect<Shown, ReplyFailed> => {
      // Every call is made as the bot of the workspace the interaction (or subscription) belongs to.
      const slack = web.forTeam(origin.person.teamId)
      return Reply.$match(reply, {
        Private: ({ message, replace }) => privately(origin, message, replace === true),
        Post: ({ message, channel, threadTs, orPrivately }) => {
          const where = channel ?? origin.channelId
          if (where === undefined)
            return orPrivately ? privately(origin, orPrivately("no_channel"), false) : nowhere("chat.postMessage")
          return slack.postMessage({ channel: where, message, ...(threadTs !== undefined ? { threadTs } : {}) }).pipe(
            Effect.map((posted): Shown => ({ channel: posted.channel, ts: posted.ts })),
            Effect.catchAll((error) =>
              orPrivately === undefined ? Effect.fail(failed(error)) : privately(origin, orPrivately(error.code), false)
            )
          )
        },
        Update: ({ channel, ts, message }) =>
          slack.update({ channel, ts, message }).pipe(Effect.mapError(failed), Effect.as({ channel, ts })),
        ReplaceClicked: ({ message }) => {
          // The bot's own channel messages are edited in place; ephemeral ones only through response_url.
          if (origin.messageTs !== undefined && origin.channelId !== undefined && origin.messageEphemeral !== true) {
            const at = { channel: origin.channelId, ts: origin.messageTs }
            return slack.update({ ...at, message }).pipe(Effect.mapError(failed), Effect.as(at))
          }
          return origin.responseUrl === undefined ? nowhere("chat.update") : privately(origin, message, true)
        },
        OpenModal: ({ view }) =>
          origin.triggerId === undefined
            ? nowhere("views.open")
            : slack
                .openView(
                  origin.triggerId,
                  view,
                  origin.receivedAt !== undefined ? { receivedAt: origin.receivedAt } : {}
                )
                .pipe(
                  Effect.mapError(failed),
                  Effect.map(({ viewId }): Shown => ({ viewId }))
                ),
        UpdateModal: ({ view, viewId }) => {
          const id = viewId ?? origin.viewId
          return id === undefined
            ? nowhere("views.update")
            : slack.updateView(id, view).pipe(Effect.mapError(failed), Effect.as({ viewId: id }))
        },
        DirectMessage: ({ message, file }) =>
          Effect.gen(function* () {
            const { channel } = yield* slack.openDirectMessage(origin.person.userId)
            const posted = yield* slack.postMessage({ channel, message })
            if (file !== undefined) {
              yield* slack.uploadFile({ channel, filename: file.filename, title: file.title, content: file.content })
            }
            return { channel, ts: posted.ts } satisfies Shown
          }).pipe(Effect.mapError(failed)),
        File: ({ filename, title, content, channel, threadTs, comment }) => {
          const where = channel ?? origin.channelId
          if (where === undefined) return nowhere("files.completeUploadExternal")
          return slack
            .uploadFile({
              channel: where,
              filename,
              title,
              content,
              ...(threadTs !== undefined ? { threadTs } : {}),
              ...(comment !== undefined ? { initialComment: comment } : {})
            })
            .pipe(Effect.mapError(failed), Effect.as({ channel: where }))
        },
        PublishHome: ({ view }) =>
          slack.publishHome(origin.person.userId, view).pipe(Effect.mapError(failed), Effect.as({})),
        Nothing: () => Effect.succeed({})
      })
    }

    return Replies.of({ show })
  })
)
