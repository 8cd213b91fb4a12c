import { Effect, Layer } from "effect"
import type { StorageSettings } from "./StorageSettings.js"
import { AccountLinks } from "./AccountLinks.js"
import { MigrationsLive } from "./Migrations.js"
import { SqlLive } from "./SqlLive.js"
import type { StorageError } from "./StorageError.js"
import { StorageHealth } from "./StorageHealth.js"
import { SubmissionClaims } from "./SubmissionClaims.js"
import { TokenSealer } from "./TokenSealer.js"

/** Once links are readable, bring rows sealed by an older key onto the current one. */
const ResealAtStart = Layer.effectDiscard(Effect.flatMap(AccountLinks, (links) => links.resealAll()))

/**
 * Storage as the rest of the bot sees it: the SQL client named by DATABASE_URL, migrated, with the
 * token sealer and the account-link repository on top. Closing it closes the database connection(s).
 */
export const StorageLive: Layer.Layer<AccountLinks | StorageHealth | SubmissionClaims, StorageError, StorageSettings> =
  Layer.mergeAll(
    ResealAtStart.pipe(Layer.provideMerge(AccountLinks.layer), Layer.provide(TokenSealer.layer)),
    StorageHealth.layer,
    SubmissionClaims.layer
  ).pipe(Layer.provide(MigrationsLive.pipe(Layer.provideMerge(SqlLive))))
