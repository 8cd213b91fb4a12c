import { type Duration, Layer } from "effect"
import type { StorageSettings } from "./StorageSettings.js"
import { AccountLinks } from "./AccountLinks.js"
import { AuditRecords } from "./AuditRecords.js"
import { ChannelPolicies } from "./ChannelPolicies.js"
import { DeliveryLedger } from "./DeliveryLedger.js"
import { Installations } from "./Installations.js"
import { Leases } from "./Leases.js"
import { MigrationsLive } from "./Migrations.js"
import { PendingChanges } from "./PendingChanges.js"
import { SealingKeys } from "./SealingKeys.js"
import { SqlLive } from "./SqlLive.js"
import type { StorageError } from "./StorageError.js"
import { Stars } from "./Stars.js"
import { StorageHealth } from "./StorageHealth.js"
import { SubmissionClaims } from "./SubmissionClaims.js"
import { Subscriptions } from "./Subscriptions.js"
import { RESEAL_EVERY, tokenResealing } from "./TokenResealing.js"
import { TokenSealer } from "./TokenSealer.js"

export interface StorageOptions {
  /** How often stored tokens are brought onto the sealing key after the pass at start. */
  readonly resealEvery?: Duration.DurationInput
}

/**
 * Storage as the rest of the bot sees it: the SQL client named by DATABASE_URL, migrated, with the
 * token sealer and one repository per table on top. Closing it closes the database connection(s).
 * A new table is a migration `migrations/NNNN_name.ts` listed in Migrations.ts, a repository file
 * (a Context.Tag with a layer needing only SqlClient) in plain SQL both dialects accept, merged here.
 */
/** Every service storage provides. */
export type Storage =
  | AccountLinks
  | StorageHealth
  | SubmissionClaims
  | PendingChanges
  | Subscriptions
  | DeliveryLedger
  | Leases
  | ChannelPolicies
  | AuditRecords
  | Stars
  | Installations

export const makeStorageLive = (options: StorageOptions = {}): Layer.Layer<Storage, StorageError, StorageSettings> => {
  const links = Layer.mergeAll(AccountLinks.layer, Installations.layer).pipe(
    Layer.provideMerge(SealingKeys.layer),
    Layer.provideMerge(TokenSealer.layer)
  )
  return Layer.mergeAll(
    tokenResealing(options.resealEvery ?? RESEAL_EVERY).pipe(Layer.provideMerge(links)),
    StorageHealth.layer,
    SubmissionClaims.layer,
    PendingChanges.layer,
    Subscriptions.layer,
    DeliveryLedger.layer,
    Leases.layer,
    ChannelPolicies.layer,
    AuditRecords.layer,
    Stars.layer
  ).pipe(Layer.provide(MigrationsLive.pipe(Layer.provideMerge(SqlLive))))
}

export const StorageLive = makeStorageLive()
