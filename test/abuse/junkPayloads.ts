import type { Random } from "../support/seededRandom.js"
import { blockActionsPayload, formBody, interactiveBody, viewSubmissionPayload } from "../support/slackPayloads.js"
import { appHomeOpened } from "../support/slackRequests.js"
import { fakeToken, junkArgument } from "./junkText.js"

/**
 * Generated interactive requests: forged page buttons (including cursors naming other people's
 * apps), unknown actions, stale or forged modal submissions, payloads missing fields or holding the
 * wrong types, and bodies that are not payloads at all.
 */

export interface Identity {
  readonly teamId: string
  readonly userId: string
  readonly userName: string
}
export interface AppRef {
  readonly app: string | null
  readonly region: string
}

export type Probe =
  /** A payload Slack could send: must be acknowledged with 200. */
  | { readonly kind: "payload"; readonly label: string; readonly payload: unknown }
  /** Broken or foreign: must be refused with a 4xx (or acknowledged), never a 5xx. */
  | { readonly kind: "broken"; readonly label: string; readonly payload: unknown }
  | {
      readonly kind: "raw"
      readonly label: string
      readonly body: string
      readonly contentType?: string
      readonly forgery?: "signature" | "stale"
    }

export interface ProbeContext {
  readonly random: Random
  readonly sender: Identity
  readonly responseUrl: () => string
  /** Apps of people other than the sender, by region: what a forged button would point at. */
  readonly othersApps: ReadonlyArray<AppRef>
  readonly ownApps: ReadonlyArray<AppRef>
}

const person = (identity: Identity) => ({
  userId: identity.userId,
  userName: identity.userName,
  teamId: identity.teamId
})
const ts = (random: Random) =>
  `${random.int(1_600_000_000, 1_800_000_000)}.${String(random.int(0, 999_999)).padStart(6, "0")}`

/** A button value shaped like the bot's cursor, sometimes intact, often bent. */
const cursorValue = (ctx: ProbeContext): string => {
  const { random } = ctx
  const target = random.pick([...ctx.othersApps, ...ctx.othersApps, ...ctx.ownApps])
  const cursor: Record<string, unknown> = {
    a: random.chance(0.75) ? target.app : random.pick([junkArgument(random), 5, {}, ["x"], true]),
    r: random.chance(0.8) ? target.region : random.pick([junkArgument(random), "osc-secnum-fr1", 1]),
    p: random.chance(0.7) ? random.int(1, 4) : random.pick([0, -1, 1.5, 1e9, "2", null, Number.MAX_SAFE_INTEGER + 2]),
    n: random.chance(0.8) ? 20 : random.pick([0, 101, 1e6, -20, "20"]),
    t: random.chance(0.8) ? ts(random) : random.pick(["", "abc", "1.2.3", junkArgument(random)])
  }
  if (random.chance(0.1)) cursor[junkArgument(random).slice(0, 20)] = junkArgument(random)
  const json = JSON.stringify(cursor)
  return random.pick([
    json,
    json,
    json,
    json,
    json.slice(0, random.int(0, json.length)),
    junkArgument(random),
    `${json}${json}`
  ])
}

const click = (
  ctx: ProbeContext,
  actionId: string,
  value: string | undefined,
  extra: Record<string, unknown> = {}
): Record<string, unknown> => {
  const { random } = ctx
  const threaded = random.chance(0.5)
  return {
    ...blockActionsPayload({
      ...person(ctx.sender),
      actionId,
      ...(value === undefined ? {} : { value }),
      channelId: random.pick(["C0001", "C0ABUSE", "D0DIRECT"]),
      messageTs: ts(random),
      ...(threaded ? { threadTs: ts(random) } : {}),
      responseUrl: ctx.responseUrl()
    }),
    ...extra
  }
}

const submission = (ctx: ProbeContext): Record<string, unknown> => {
  const { random } = ctx
  const callback = random.pick(["login", "login", "create_app", "create_app", junkArgument(random), ""])
  const metadata = random.pick([
    "",
    "{}",
    junkArgument(random),
    JSON.stringify({ c: "C0001", r: ctx.responseUrl() }),
    JSON.stringify({ c: junkArgument(random), r: random.pick(["javascript:alert(1)", "http://127.0.0.1:1/x", 5]) })
  ])
  const text = (value: unknown) => ({ type: "plain_text_input", value })
  const values = random.pick([
    () => ({ token: { token: text(random.pick([fakeToken(random), junkArgument(random), "", null])) } }),
    () => ({
      name: { name: text(random.pick([junkArgument(random), random.chars("abcdefghij-", random.int(6, 20))])) },
      region: {
        region: {
          type: "static_select",
          selected_option: { value: random.pick(["osc-fr1", "osc-secnum-fr1", junkArgument(random)]) }
        }
      }
    }),
    () => ({ token: { token: text(random.pick([5, {}, ["x"], true])) } }),
    () => ({
      name: { name: { type: "plain_text_input", value: { nested: true } } },
      region: { region: { type: "static_select", selected_option: "osc-fr1" } }
    }),
    () => ({})
  ])()
  const view = {
    id: random.pick([`V${random.chars("0123456789ABCDEF", 10)}`, junkArgument(random), ""]),
    callback_id: callback,
    private_metadata: metadata
  }
  return viewSubmissionPayload({ ...person(ctx.sender), view, values: values as never })
}

/** Payloads Slack could send (the shapes are right, the contents hostile). */
const wellFormed = (ctx: ProbeContext): Probe => {
  const { random } = ctx
  const roll = random.next()
  if (roll < 0.35)
    return { kind: "payload", label: "forged events_page", payload: click(ctx, "events_page", cursorValue(ctx)) }
  if (roll < 0.45)
    return {
      kind: "payload",
      label: "junk apps_page",
      payload: click(ctx, "apps_page", random.pick([junkArgument(random), "-1", "1e9", "2"]))
    }
  if (roll < 0.55) {
    // The operating buttons, forged: made-up confirmation ids, commands and cursors never act.
    const action = random.pick([
      "confirm_change",
      "cancel_change",
      "confirm_stop",
      "run_command",
      "build_log",
      "deployments_page",
      "app_picker",
      "audit_page",
      "home_link"
    ])
    const value = random.pick([
      junkArgument(random),
      `"${random.chars("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghij0123456789_-", 22)}"`,
      random.pick(["restart alice-web", "scale alice-web web:0", "logs alice-web 1000", "login tk-us-x", "info ../.."]),
      JSON.stringify({ a: "alice-web", r: "osc-fr1", d: junkArgument(random).slice(0, 30), t: "1700000000.000100" }),
      JSON.stringify({ a: junkArgument(random), r: "osc-fr1", p: -1, n: 1e9, t: "x" }),
      JSON.stringify({ a: random.pick(["bob-blog", junkArgument(random)]), p: random.pick([1, 0, -1, 1e9, "2"]) })
    ])
    return { kind: "payload", label: `forged ${action}`, payload: click(ctx, action, value) }
  }
  if (roll < 0.6) {
    const type = random.pick(["button", "static_select", "overflow", "datepicker"])
    const extra =
      type === "button"
        ? {}
        : { selected_option: { value: junkArgument(random), text: { type: "plain_text", text: "x" } } }
    const payload = click(
      ctx,
      junkArgument(random).slice(0, 255) || "x",
      random.chance(0.8) ? junkArgument(random) : undefined
    )
    ;(payload.actions as Array<Record<string, unknown>>)[0] = {
      ...(payload.actions as Array<Record<string, unknown>>)[0],
      type,
      ...extra
    }
    return { kind: "payload", label: `unknown ${type} action`, payload }
  }
  return { kind: "payload", label: "stale or forged view submission", payload: submission(ctx) }
}

/** Payloads missing what Bolt needs, or holding the wrong types, or not payloads at all. */
const broken = (ctx: ProbeContext): Probe => {
  const { random } = ctx
  const base = click(ctx, "events_page", cursorValue(ctx))
  const variants: ReadonlyArray<() => Probe> = [
    () => ({ kind: "broken", label: "payload null", payload: null }),
    () => ({ kind: "broken", label: "payload not an object", payload: random.pick([5, "x", [1, 2], true, [base]]) }),
    () => ({ kind: "broken", label: "payload {}", payload: {} }),
    () => ({ kind: "broken", label: "no user", payload: { ...base, user: undefined } }),
    () => ({
      kind: "broken",
      label: "user of the wrong type",
      payload: { ...base, user: random.pick([null, "U-BOB", 5, []]) }
    }),
    () => ({ kind: "broken", label: "no team, no user", payload: { ...base, user: undefined, team: null } }),
    () => ({
      kind: "broken",
      label: "actions of the wrong type",
      payload: { ...base, actions: random.pick(["x", [], [null], [5], null, {}]) }
    }),
    () => ({
      kind: "broken",
      label: "action_id of the wrong type",
      payload: { ...base, actions: [{ type: "button", action_id: random.pick([5, null, {}]), value: "x" }] }
    }),
    () => ({
      kind: "broken",
      label: "view submission without view",
      payload: { ...submission(ctx), view: random.pick([undefined, null, 5, "x"]) }
    }),
    () => ({
      kind: "broken",
      label: "view submission with odd state",
      payload: {
        ...submission(ctx),
        view: { id: "V1", callback_id: "login", state: random.pick([null, "x", { values: null }, { values: [] }]) }
      }
    }),
    () => ({
      kind: "broken",
      label: "unknown type",
      payload: {
        ...base,
        type: random.pick(["nope", "", 5, "view_closed", "block_suggestion", "shortcut", "message_action"])
      }
    }),
    () => ({
      kind: "raw",
      label: "payload not JSON",
      body: random.pick(["payload=%7Bnot-json", "payload=", formBody({ payload: junkArgument(random) })])
    }),
    () => ({ kind: "raw", label: "empty form", body: "" }),
    () => ({
      kind: "raw",
      label: "JSON body",
      body: random.pick(["null", "{", "[]", "5", JSON.stringify(base)]),
      contentType: "application/json"
    }),
    () => ({ kind: "raw", label: "text body", body: junkArgument(random), contentType: "text/plain" }),
    () => ({
      kind: "raw",
      label: "app_home_opened, forged or from another team",
      body: JSON.stringify(
        appHomeOpened(
          random.pick([ctx.sender.userId, "U-BOB", "", junkArgument(random).slice(0, 40)]),
          random.pick([ctx.sender.teamId, "T-EVIL", "", junkArgument(random).slice(0, 40)]),
          random.pick(["home", "home", "messages", junkArgument(random).slice(0, 20)])
        )
      ),
      contentType: "application/json"
    }),
    () => ({ kind: "raw", label: "forged signature", body: interactiveBody(base), forgery: "signature" }),
    () => ({ kind: "raw", label: "stale timestamp", body: interactiveBody(base), forgery: "stale" })
  ]
  return random.pick(variants)()
}

export const junkProbe = (ctx: ProbeContext): Probe => (ctx.random.chance(0.8) ? wellFormed(ctx) : broken(ctx))
