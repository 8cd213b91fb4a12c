import { fn } from "../../tracing/fn.js"
import { Cause, Clock, Effect } from "effect"
import { Accounts } from "../../accounts/Accounts.js"
import { Regions } from "../../scalingo/Regions.js"
import type { Region } from "../../scalingo/schemas/region.js"
import { failureText, noRegion } from "../../runtime/errorMessages.js"
import type { SlashInvocation } from "../../runtime/interaction/Interaction.js"
import { modalOriginOf } from "../../runtime/modals/modalOrigin.js"
import { show } from "../../runtime/replies/Replies.js"
import { Reply } from "../../runtime/replies/Reply.js"
import * as Views from "./createViews.js"

/** A trigger_id works for 3 s from Slack's request: the form must be open well before. */
const TRIGGER_BUDGET_MS = 1_500

/** `create [name]`: opens the form at once; when the regions are slow, a loading view first, filled in later. */
export const createApp = fn("CreateApp.command")(function* (invocation: SlashInvocation, args: ReadonlyArray<string>) {
  const accounts = yield* Accounts
  const regions = yield* Regions
  const origin = modalOriginOf(invocation.channelId, invocation.responseUrl)
  const name = args[0]?.slice(0, 100)
  yield* accounts.require(invocation.person) // no account: answered privately, no modal
  // Through actingAs so a token Scalingo now rejects marks the link dead here too.
  const reachable = accounts.actingAs(invocation.person, ({ account }) => regions.list(account)).pipe(Effect.either)
  // A select without options is refused by Slack: an account without regions is told so instead.
  const formFor = (list: ReadonlyArray<Region>) =>
    list.length === 0
      ? Views.outcomeView(noRegion)
      : Views.createForm({ ...origin, g: Views.offeredRegions(list) }, name === undefined ? {} : { name })

  const elapsed = (yield* Clock.currentTimeMillis) - invocation.receivedAt
  const quick = yield* reachable.pipe(Effect.timeoutOption(Math.max(0, TRIGGER_BUDGET_MS - elapsed)))
  if (quick._tag === "Some" && quick.value._tag === "Right")
    return Reply.OpenModal({ view: formFor(quick.value.right) })

  const loading = Views.loadingView(Views.CreateMetadata.encode({ ...origin, g: [] }))
  const { viewId } = yield* show(Reply.OpenModal({ view: loading }))
  const loaded = quick._tag === "Some" ? quick.value : yield* reachable
  if (loaded._tag === "Right") return Reply.UpdateModal({ view: formFor(loaded.right), ...(viewId ? { viewId } : {}) })
  const text = yield* failureText(Cause.fail(loaded.left), invocation.command)
  return Reply.UpdateModal({ view: Views.outcomeView(text), ...(viewId ? { viewId } : {}) })
})
