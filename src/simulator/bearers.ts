import { createHmac, randomBytes, randomUUID } from "node:crypto"
import { base64url } from "./ids.js"

/**
 * Bearers as Scalingo issues them: HS256 JWTs whose payload carries `exp`, which real clients read
 * (unverified) to decide when to re-exchange. Only bearers issued here are accepted.
 */

interface IssuedBearer {
  readonly username: string
  readonly expiresAtMs: number
  expired: boolean
}

export type BearerCheck =
  | { readonly ok: true; readonly username: string }
  | { readonly ok: false; readonly username?: string; readonly error: string }

export class Bearers {
  private readonly secret = randomBytes(32)
  private readonly issued = new Map<string, IssuedBearer>()

  constructor(private readonly ttlSeconds: number) {}

  issue(user: { readonly id: string; readonly username: string }): string {
    const nowMs = Date.now()
    const expiresAtMs = nowMs + this.ttlSeconds * 1000
    const header = base64url(JSON.stringify({ alg: "HS256", typ: "JWT" }))
    const payload = base64url(
      JSON.stringify({
        iss: "Scalingo",
        sub: user.id,
        uuid: user.id,
        iat: Math.floor(nowMs / 1000),
        exp: Math.floor(expiresAtMs / 1000),
        jti: randomUUID()
      })
    )
    const signature = base64url(createHmac("sha256", this.secret).update(`${header}.${payload}`).digest())
    const jwt = `${header}.${payload}.${signature}`
    if (this.issued.size >= 10_000) this.forgetExpired(nowMs)
    this.issued.set(jwt, { username: user.username, expiresAtMs, expired: false })
    if (this.history.length < 100_000) this.history.push(jwt)
    return jwt
  }

  check(bearer: string): BearerCheck {
    const found = this.issued.get(bearer)
    if (found === undefined) return { ok: false, error: "invalid token" }
    if (found.expired || found.expiresAtMs <= Date.now()) {
      return { ok: false, username: found.username, error: "token has expired" }
    }
    return { ok: true, username: found.username }
  }

  /** Keeps long benchmark runs from growing the table without bound. */
  private forgetExpired(nowMs: number): void {
    for (const [jwt, bearer] of this.issued) if (bearer.expired || bearer.expiresAtMs <= nowMs) this.issued.delete(jwt)
  }

  /** Every bearer ever issued, newest last: secrets tests grep logs and databases for them. */
  private readonly history: Array<string> = []
  all(): ReadonlyArray<string> {
    return this.history
  }

  /** Every bearer issued so far answers 401 from now on. */
  expireAll(): void {
    for (const bearer of this.issued.values()) bearer.expired = true
  }
}
