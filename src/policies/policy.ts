import { type ChannelPolicy, type NewChannelPolicy, PolicyAction, type PolicyMode } from "../storage/ChannelPolicies.js"

/**
 * The pure core of channel policies: how a policy and a person's intent meet, and what `policy …`
 * words ask for (what each command does is its declaration's). What a person may do is their Scalingo role (Scalingo
 * answers) and what this allows: a policy only ever narrows.
 */

/** A change a policy can allow, or reading (always allowed, unless the app is outside the channel's apps). */
export type Action = "read" | PolicyAction

/** The changes a policy can name, as stored; the commands' declarations name them (a test keeps both in step). */
export const POLICY_ACTIONS: ReadonlyArray<PolicyAction> = PolicyAction.literals

/** The first words `policy` understands. */
export const POLICY_VERBS: ReadonlyArray<string> = ["read-only", "allow", "apps", "reset"]

const isAction = (word: string): word is PolicyAction => (POLICY_ACTIONS as ReadonlyArray<string>).includes(word)

/** A stored change's action (`restart`, `scale`, …) as the change a policy must allow. */
export const storedChangeAction = (action: string): Action => (isAction(action) ? action : "read")

/** The command words that name a change, and the change each is (`unsubscribe` → `subscribe`), as declared. */
export type ChangeWords = Readonly<Record<string, PolicyAction>>

/** What an interaction is about to do, and where (the channel it acts for). */
export interface Intent {
  readonly action: Action
  /** The app it names, when it names one. */
  readonly app?: string | undefined
}

/** A channel's policy as it applies now: the channel's own, or DEFAULT_CHANNEL_POLICY. */
export interface EffectivePolicy {
  readonly mode: PolicyMode
  readonly allowedActions: ReadonlyArray<PolicyAction>
  readonly appPatterns: ReadonlyArray<string>
  readonly source: "channel" | "default"
  readonly updatedBy?: string
  readonly updatedAt?: Date
}

export const defaultPolicy = (mode: "all" | "read-only"): EffectivePolicy => ({
  mode,
  allowedActions: [],
  appPatterns: [],
  source: "default"
})

export const fromChannel = (policy: ChannelPolicy): EffectivePolicy => ({
  mode: policy.mode,
  allowedActions: policy.allowedActions,
  appPatterns: policy.appPatterns,
  source: "channel",
  updatedBy: policy.updatedBy,
  updatedAt: policy.updatedAt
})

export type Verdict =
  | { readonly _tag: "Allowed" }
  | {
      readonly _tag: "Refused"
      /** `action`: the change is not allowed here; `app`: the app is not one of the channel's. */
      readonly because: "action" | "app"
      readonly intent: Intent
      readonly policy: EffectivePolicy
    }

/** An app pattern: a whole app name, or a prefix ending in `*`. */
export const APP_PATTERN = /^[a-z0-9][a-z0-9-]{0,62}\*?$/

export const matchesPattern = (app: string, pattern: string): boolean =>
  pattern.endsWith("*") ? app.startsWith(pattern.slice(0, -1)) : app === pattern

export const allowsAction = (policy: EffectivePolicy, action: Action): boolean =>
  action === "read" || policy.mode === "all" || (policy.mode === "allow" && policy.allowedActions.includes(action))

export const allowsApp = (policy: EffectivePolicy, app: string | undefined): boolean =>
  app === undefined || policy.appPatterns.length === 0 || policy.appPatterns.some((p) => matchesPattern(app, p))

/** Reading without naming an app is allowed by every policy: the channel's need not be read. */
export const allowedByEveryPolicy = (intent: Intent): boolean => intent.action === "read" && intent.app === undefined

export const decide = (policy: EffectivePolicy, intent: Intent): Verdict =>
  !allowsAction(policy, intent.action)
    ? { _tag: "Refused", because: "action", intent, policy }
    : !allowsApp(policy, intent.app)
      ? { _tag: "Refused", because: "app", intent, policy }
      : { _tag: "Allowed" }

/** The changes a policy allows, in the order people read them. */
export const allowedChanges = (policy: EffectivePolicy): ReadonlyArray<PolicyAction> =>
  policy.mode === "all" ? POLICY_ACTIONS : policy.mode === "read-only" ? [] : policy.allowedActions

/** What `policy …` asks for. */
export type PolicyRequest =
  | { readonly _tag: "Show" }
  | { readonly _tag: "ReadOnly" }
  | { readonly _tag: "Allow"; readonly actions: ReadonlyArray<PolicyAction> }
  | { readonly _tag: "Apps"; readonly patterns: ReadonlyArray<string> }
  | { readonly _tag: "Reset" }
  | {
      readonly _tag: "Invalid"
      readonly problem: "usage" | "action" | "pattern"
      readonly words: ReadonlyArray<string>
    }

export const parsePolicyWords = (args: ReadonlyArray<string>, changeWords: ChangeWords): PolicyRequest => {
  const [first, ...rest] = args.map((w) => w.toLowerCase())
  if (first === undefined) return { _tag: "Show" }
  if (first === "read-only" && rest.length === 0) return { _tag: "ReadOnly" }
  if (first === "reset" && rest.length === 0) return { _tag: "Reset" }
  if (first === "allow") {
    if (rest.length === 0) return { _tag: "Invalid", problem: "usage", words: [] }
    if (rest.length === 1 && rest[0] === "all") return { _tag: "Allow", actions: POLICY_ACTIONS }
    const actions = rest.map((w) => (Object.hasOwn(changeWords, w) ? changeWords[w]! : w))
    const unknown = actions.filter((w) => !isAction(w))
    if (unknown.length > 0) return { _tag: "Invalid", problem: "action", words: unknown.slice(0, 5) }
    return { _tag: "Allow", actions: [...new Set(actions as Array<PolicyAction>)].sort() }
  }
  if (first === "apps") {
    if (rest.length === 0 || rest.length > 20) return { _tag: "Invalid", problem: "usage", words: [] }
    if (rest.length === 1 && (rest[0] === "*" || rest[0] === "any")) return { _tag: "Apps", patterns: [] }
    const bad = rest.filter((w) => !APP_PATTERN.test(w))
    if (bad.length > 0) return { _tag: "Invalid", problem: "pattern", words: bad.slice(0, 5) }
    return { _tag: "Apps", patterns: [...new Set(rest)] }
  }
  // The word not understood, so that a slip (`policy alow …`) can be named back with what was meant.
  return { _tag: "Invalid", problem: "usage", words: [first.slice(0, 40)] }
}

/** The channel's new policy: each request changes one side (which changes, or which apps) and keeps the other. */
export const applyRequest = (
  current: EffectivePolicy,
  request: Extract<PolicyRequest, { _tag: "ReadOnly" | "Allow" | "Apps" }>,
  where: { readonly teamId: string; readonly channelId: string; readonly by: string }
): NewChannelPolicy => {
  const base = { teamId: where.teamId, channelId: where.channelId, updatedBy: where.by }
  switch (request._tag) {
    case "ReadOnly":
      return { ...base, mode: "read-only", allowedActions: [], appPatterns: current.appPatterns }
    case "Allow":
      return request.actions.length === POLICY_ACTIONS.length
        ? { ...base, mode: "all", allowedActions: [], appPatterns: current.appPatterns }
        : { ...base, mode: "allow", allowedActions: request.actions, appPatterns: current.appPatterns }
    case "Apps":
      return {
        ...base,
        mode: current.mode,
        allowedActions: current.mode === "allow" ? current.allowedActions : [],
        appPatterns: request.patterns
      }
  }
}

/** A direct message (or no channel at all) follows the default. */
export const isDirectMessage = (channelId: string | undefined): boolean =>
  channelId === undefined || channelId === "" || channelId.startsWith("D")
