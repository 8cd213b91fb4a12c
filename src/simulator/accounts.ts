import { isoDate, stableApiToken, stableUuid } from "./ids.js"
import { type CreateAccountSpec, isRegionName, type RegionName, type SimAccount } from "./types.js"

/** A Scalingo user as the simulator keeps it: what `/v1/users/self` and the regional hosts need. */
export interface AccountRecord {
  readonly account: SimAccount
  readonly fullname: string
  readonly regions: ReadonlySet<RegionName>
  readonly billingVerified: boolean
  readonly createdAt: string
  readonly projectId: string
}

const USERNAME = /^[a-z0-9][a-z0-9_-]{1,38}$/

/** Accounts by username, API tokens (live and revoked) by value. */
export class Accounts {
  /** The public view handed to callers: username → SimAccount, mutated as accounts are created. */
  readonly byUsername: Record<string, SimAccount> = {}
  private readonly records = new Map<string, AccountRecord>()
  private readonly tokens = new Map<string, string>()
  private readonly revoked = new Set<string>()

  create(spec: CreateAccountSpec): SimAccount {
    const { username } = spec
    if (!USERNAME.test(username)) throw new Error(`Simulator: invalid username "${username}"`)
    if (this.records.has(username)) throw new Error(`Simulator: account "${username}" already exists`)
    const regions = spec.regions ?? ["osc-fr1"]
    for (const region of regions) {
      if (!isRegionName(region)) throw new Error(`Simulator: unknown region "${region}"`)
    }
    const apiToken = spec.apiToken ?? stableApiToken(username)
    if (this.tokens.has(apiToken)) throw new Error(`Simulator: that API token is already used by another account`)
    const account: SimAccount = {
      id: `us-${stableUuid(`user:${username}`)}`,
      username,
      email: spec.email ?? `${username}@example.com`,
      apiToken
    }
    this.records.set(username, {
      account,
      fullname: `${username.charAt(0).toUpperCase() + username.slice(1)} Example`,
      regions: new Set(regions as ReadonlyArray<RegionName>),
      billingVerified: spec.billingVerified ?? true,
      createdAt: isoDate(Date.UTC(2021, 3, 12, 9, 30, 0, 0)),
      projectId: `pr-${stableUuid(`project:${username}`)}`
    })
    this.tokens.set(apiToken, username)
    this.byUsername[username] = account
    return account
  }

  get(username: string): AccountRecord | undefined {
    return this.records.get(username)
  }

  /** For the simulator's own methods: an unknown username is a mistake in the calling test. */
  require(username: string): AccountRecord {
    const record = this.records.get(username)
    if (record === undefined) throw new Error(`Simulator: unknown account "${username}"`)
    return record
  }

  /** The account an API token belongs to, whether or not it was revoked. */
  ownerOfToken(apiToken: string): string | undefined {
    return this.tokens.get(apiToken)
  }

  isRevoked(apiToken: string): boolean {
    return this.revoked.has(apiToken)
  }

  revoke(apiToken: string): void {
    if (this.tokens.has(apiToken)) this.revoked.add(apiToken)
  }
}
