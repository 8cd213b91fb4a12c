import { Clock, Context, Data, Effect, Layer } from "effect"
import type { SlackPerson } from "./Accounts.js"

/** Someone (or a whole workspace) tried to link too many tokens in a short time. */
export class TooManyLogins extends Data.TaggedError("TooManyLogins")<{
  readonly retryAfterSeconds: number
  readonly scope: "person" | "workspace"
}> {}

export interface LoginLimits {
  readonly perPerson: number
  readonly perWorkspace: number
  readonly windowMs: number
}

/** Five tries a minute is plenty for a person pasting a token; a workspace gets sixty. */
export const defaultLoginLimits: LoginLimits = { perPerson: 5, perWorkspace: 60, windowMs: 60_000 }

/**
 * Limits how often tokens are checked with Scalingo per Slack person and per workspace: each random
 * token would otherwise start a fresh request budget, so a flood of `login` attempts would become a
 * flood of token exchanges. A token that proves good gives its attempt back, so people linking
 * real accounts never run into the limit, while random tokens do. Counted on this replica (several replicas each allow as much), with
 * sliding windows pruned as they are read, so memory stays bounded by the people active in a minute.
 */
export class LoginAttempts extends Context.Tag("bot/accounts/LoginAttempts")<
  LoginAttempts,
  {
    /**
     * Counts an attempt, or fails when the person or workspace has tried too often; the returned
     * effect gives the attempt back once the token proved good, so only failed attempts add up.
     */
    readonly attempt: (person: SlackPerson) => Effect.Effect<Effect.Effect<void>, TooManyLogins>
  }
>() {
  static readonly layerWith = (limits: LoginLimits) =>
    Layer.sync(LoginAttempts, () => {
      const seen = new Map<string, Array<number>>()
      let lastSweep = 0
      const recent = (key: string, now: number) => {
        const kept = (seen.get(key) ?? []).filter((at) => now - at < limits.windowMs)
        if (kept.length === 0) seen.delete(key)
        else seen.set(key, kept)
        return kept
      }
      const sweep = (now: number) => {
        if (now - lastSweep < limits.windowMs) return
        lastSweep = now
        for (const key of [...seen.keys()]) recent(key, now)
      }
      const waitFor = (times: ReadonlyArray<number>, now: number) =>
        Math.max(1, Math.ceil((times[0]! + limits.windowMs - now) / 1000))

      const attempt = (person: SlackPerson) =>
        Effect.flatMap(Clock.currentTimeMillis, (now) => {
          sweep(now)
          const personKey = `p:${person.teamId}:${person.userId}`
          const teamKey = `t:${person.teamId}`
          const mine = recent(personKey, now)
          const team = recent(teamKey, now)
          if (mine.length >= limits.perPerson) {
            return Effect.fail(new TooManyLogins({ retryAfterSeconds: waitFor(mine, now), scope: "person" }))
          }
          if (team.length >= limits.perWorkspace) {
            return Effect.fail(new TooManyLogins({ retryAfterSeconds: waitFor(team, now), scope: "workspace" }))
          }
          seen.set(personKey, [...mine, now])
          seen.set(teamKey, [...team, now])
          const giveBack = (key: string) => {
            const times = seen.get(key) ?? []
            const at = times.indexOf(now)
            if (at >= 0) seen.set(key, [...times.slice(0, at), ...times.slice(at + 1)])
          }
          return Effect.succeed(
            Effect.sync(() => {
              giveBack(personKey)
              giveBack(teamKey)
            })
          )
        })
      return LoginAttempts.of({ attempt })
    })

  static readonly layer = LoginAttempts.layerWith(defaultLoginLimits)
}
