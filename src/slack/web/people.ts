import { Effect, Schema } from "effect"
import type { SlackWebService } from "../SlackWeb.js"
import type { WebApi } from "./webApi.js"

const flag = Schema.optionalWith(Schema.Boolean, { default: () => false })
const UserAnswer = Schema.Struct({
  user: Schema.Struct({
    id: Schema.String,
    name: Schema.optionalWith(Schema.String, { default: () => "" }),
    real_name: Schema.optional(Schema.String),
    tz: Schema.optional(Schema.String),
    is_admin: flag,
    is_owner: flag,
    is_primary_owner: flag,
    is_bot: flag,
    deleted: flag,
    team_id: Schema.optional(Schema.String),
    enterprise_user: Schema.optional(Schema.Struct({ enterprise_id: Schema.optional(Schema.String) }))
  })
})
const Conversation = Schema.Struct({ channel: Schema.Struct({ id: Schema.String }) })
const Identity = Schema.Struct({
  bot_id: Schema.optional(Schema.String),
  user_id: Schema.optional(Schema.String),
  team: Schema.optional(Schema.String),
  team_id: Schema.optional(Schema.String),
  enterprise_id: Schema.optional(Schema.String)
})

/** Who is who: the bot itself, a person (workspace admin or owner?), and a direct message with them. */
export const makePeople = (api: WebApi): Pick<SlackWebService, "userInfo" | "openDirectMessage" | "authTest"> => ({
  // users.info is a read method: documented for query or form parameters, not JSON.
  userInfo: (userId) =>
    api
      .call({ method: "users.info", params: { user: userId }, answer: UserAnswer, encoding: "form", idempotent: true })
      .pipe(
        Effect.map(({ user }) => ({
          id: user.id,
          name: user.name,
          realName: user.real_name,
          tz: user.tz,
          isAdmin: user.is_admin,
          isOwner: user.is_owner,
          isPrimaryOwner: user.is_primary_owner,
          isBot: user.is_bot,
          deleted: user.deleted,
          teamId: user.team_id,
          enterpriseId: user.enterprise_user?.enterprise_id
        }))
      ),
  openDirectMessage: (userId) =>
    api
      .call({ method: "conversations.open", params: { users: userId }, answer: Conversation, idempotent: true })
      .pipe(Effect.map((answer) => ({ channel: answer.channel.id }))),
  authTest: api.call({ method: "auth.test", params: {}, answer: Identity, idempotent: true }).pipe(
    Effect.map((r) => ({
      botId: r.bot_id,
      botUserId: r.user_id,
      team: r.team,
      teamId: r.team_id,
      // Slack answers an empty enterprise_id outside Enterprise Grid.
      enterpriseId: r.enterprise_id === "" ? undefined : r.enterprise_id
    }))
  )
})
