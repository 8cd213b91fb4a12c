import { fn } from "../tracing/fn.js"
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto"
import { Context, Effect, Layer, Redacted } from "effect"
import type { StorageSettings } from "./StorageSettings.js"
import { type KeyRing, loadKeyRing } from "./KeyRing.js"
import { StorageError } from "./StorageError.js"

/** A token as stored: which key sealed it, and base64(12-byte IV | 16-byte auth tag | ciphertext). */
export interface SealedToken {
  readonly keyId: string
  readonly sealed: string
}

export interface TokenSealerService {
  /** The key this replica's TOKEN_ENCRYPTION_KEY lists first: the one it announces for sealing. */
  readonly currentKeyId: string
  /** Whether `keyId` is among the configured keys, i.e. tokens sealed with it open here. */
  readonly holds: (keyId: string) => boolean
  /**
   * Seals with `keyId` (one of the configured keys; the first by default). `context` (e.g. the row's
   * identity) is authenticated too: a value copied to another row will not open.
   */
  readonly seal: (token: Redacted.Redacted<string>, context: string, keyId?: string) => Effect.Effect<SealedToken>
  readonly open: (sealed: SealedToken, context: string) => Effect.Effect<Redacted.Redacted<string>, StorageError>
}

const ivLength = 12
const tagLength = 16
const algorithm = "aes-256-gcm"

const unsealable = (detail: string) => new StorageError({ reason: "unsealable", detail })

/** AES-256-GCM over a key ring. The plaintext token is unwrapped only inside `seal`. */
export const makeTokenSealer = (ring: KeyRing): TokenSealerService => ({
  currentKeyId: ring.current.id,

  holds: (keyId) => ring.byId.has(keyId),

  seal: (token: Redacted.Redacted<string>, context: string, keyId = ring.current.id) =>
    Effect.sync(() => {
      const key = ring.byId.get(keyId) ?? ring.current // the returned keyId always names the key used
      const iv = randomBytes(ivLength)
      const cipher = createCipheriv(algorithm, Redacted.value(key.secret), iv, { authTagLength: tagLength })
      cipher.setAAD(Buffer.from(context, "utf8"))
      const ciphertext = Buffer.concat([cipher.update(Redacted.value(token), "utf8"), cipher.final()])
      return { keyId: key.id, sealed: Buffer.concat([iv, cipher.getAuthTag(), ciphertext]).toString("base64") }
    }).pipe(Effect.withSpan("TokenSealer.seal")),

  open: fn("TokenSealer.open")(function* ({ keyId, sealed }: SealedToken, context: string) {
    const key = ring.byId.get(keyId)
    if (key === undefined) {
      return yield* unsealable(
        `the token was sealed with key ${keyId}, which is not among the configured TOKEN_ENCRYPTION_KEY keys`
      )
    }
    const bytes = Buffer.from(sealed, "base64")
    if (bytes.length <= ivLength + tagLength) return yield* unsealable(`the sealed token is malformed (key ${keyId})`)
    const decipher = createDecipheriv(algorithm, Redacted.value(key.secret), bytes.subarray(0, ivLength), {
      authTagLength: tagLength
    })
    decipher.setAAD(Buffer.from(context, "utf8"))
    decipher.setAuthTag(bytes.subarray(ivLength, ivLength + tagLength))
    return yield* Effect.try({
      try: () =>
        Redacted.make(
          Buffer.concat([decipher.update(bytes.subarray(ivLength + tagLength)), decipher.final()]).toString("utf8")
        ),
      // GCM's check failed: wrong key material, altered bytes, or a value moved from another row.
      catch: () => unsealable(`the sealed token failed its integrity check (key ${keyId})`)
    })
  })
})

export class TokenSealer extends Context.Tag("bot/storage/TokenSealer")<TokenSealer, TokenSealerService>() {
  /** The ring from `TOKEN_ENCRYPTION_KEY`, or the generated development key. */
  static readonly layer: Layer.Layer<TokenSealer, StorageError, StorageSettings> = Layer.effect(
    TokenSealer,
    Effect.map(loadKeyRing, makeTokenSealer)
  )
  static readonly fromKeyRing = (ring: KeyRing): Layer.Layer<TokenSealer> =>
    Layer.succeed(TokenSealer, makeTokenSealer(ring))
}
