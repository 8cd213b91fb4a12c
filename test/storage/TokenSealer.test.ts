import { createHash } from "node:crypto"
import { describe, expect, it } from "@effect/vitest"
import { Effect, Redacted } from "effect"
import { keyIdOf, keyRingFromSetting } from "../../src/storage/KeyRing.js"
import { makeTokenSealer } from "../../src/storage/TokenSealer.js"
import { newApiToken, newKey } from "./storageFixtures.js"

const sealerFor = (keys: string) => Effect.map(keyRingFromSetting(Redacted.make(keys)), makeTokenSealer)

describe("TokenSealer", () => {
  it.effect("a key's id is the first 8 hex characters of its sha256", () =>
    Effect.gen(function* () {
      const key = newKey()
      const sealer = yield* sealerFor(key)
      const expected = createHash("sha256").update(Buffer.from(key, "base64")).digest("hex").slice(0, 8)
      expect(sealer.currentKeyId).toBe(expected)
      expect(keyIdOf(Buffer.from(key, "base64"))).toBe(expected)
    })
  )

  it.effect("sealing the same token twice gives different values (fresh IV) that both open", () =>
    Effect.gen(function* () {
      const sealer = yield* sealerFor(newKey())
      const token = Redacted.make(newApiToken())
      const [first, second] = [yield* sealer.seal(token, "ctx"), yield* sealer.seal(token, "ctx")]
      expect(first.sealed).not.toBe(second.sealed)
      // 12-byte IV + 16-byte tag + ciphertext as long as the token.
      expect(Buffer.from(first.sealed, "base64")).toHaveLength(12 + 16 + Redacted.value(token).length)
      expect(Redacted.value(yield* sealer.open(first, "ctx"))).toBe(Redacted.value(token))
      expect(Redacted.value(yield* sealer.open(second, "ctx"))).toBe(Redacted.value(token))
    })
  )

  it.effect("the first key of the ring seals and every key of the ring opens", () =>
    Effect.gen(function* () {
      const [keyA, keyB] = [newKey(), newKey()]
      const token = Redacted.make(newApiToken())
      const sealedWithA = yield* (yield* sealerFor(keyA)).seal(token, "ctx")
      const rotating = yield* sealerFor(` ${keyB} , ${keyA} `)
      expect(rotating.currentKeyId).toBe(keyIdOf(Buffer.from(keyB, "base64")))
      expect((yield* rotating.seal(token, "ctx")).keyId).toBe(rotating.currentKeyId)
      expect(Redacted.value(yield* rotating.open(sealedWithA, "ctx"))).toBe(Redacted.value(token))
    })
  )

  it.effect("seals with any key of the ring when named, and says which keys it holds", () =>
    Effect.gen(function* () {
      const [keyA, keyB] = [newKey(), newKey()]
      const ring = yield* sealerFor(`${keyA},${keyB}`)
      const token = Redacted.make(newApiToken())
      const idB = keyIdOf(Buffer.from(keyB, "base64"))
      const sealedWithB = yield* ring.seal(token, "ctx", idB)
      expect(sealedWithB.keyId).toBe(idB)
      expect(Redacted.value(yield* (yield* sealerFor(keyB)).open(sealedWithB, "ctx"))).toBe(Redacted.value(token))
      expect([ring.holds(idB), ring.holds(ring.currentKeyId), ring.holds("0badc0de")]).toEqual([true, true, false])
    })
  )

  it.effect("a value sealed for one context does not open in another", () =>
    Effect.gen(function* () {
      const sealer = yield* sealerFor(newKey())
      const sealed = yield* sealer.seal(Redacted.make(newApiToken()), "account-link:T1:U1")
      const error = yield* Effect.flip(sealer.open(sealed, "account-link:T1:U2"))
      expect(error).toMatchObject({ _tag: "StorageError", reason: "unsealable" })
    })
  )

  it.effect("a truncated or unknown-key value fails with a tagged error naming the key id only", () =>
    Effect.gen(function* () {
      const sealer = yield* sealerFor(newKey())
      const sealed = yield* sealer.seal(Redacted.make(newApiToken()), "ctx")
      const truncated = yield* Effect.flip(sealer.open({ ...sealed, sealed: sealed.sealed.slice(0, 20) }, "ctx"))
      expect(truncated.message).toContain("malformed")
      const unknown = yield* Effect.flip(sealer.open({ ...sealed, keyId: "0badc0de" }, "ctx"))
      expect(unknown.message).toContain("key 0badc0de, which is not among the configured TOKEN_ENCRYPTION_KEY keys")
    })
  )

  it.effect("an empty or non-base64 key entry is refused", () =>
    Effect.gen(function* () {
      expect((yield* Effect.flip(sealerFor(`${newKey()},`))).message).toContain("entry 2 of 2")
      expect((yield* Effect.flip(sealerFor("not base64 at all, but long enough to be 32 bytes"))).reason).toBe("key")
    })
  )
})
