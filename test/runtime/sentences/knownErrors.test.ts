import { Data, Effect } from "effect"
import { describe, expect, it } from "vitest"
import { DeadLink, NoLinkedAccount } from "../../../src/accounts/errors.js"
import { TooManyLogins } from "../../../src/accounts/LoginAttempts.js"
import { describeFailure, failureMessage } from "../../../src/runtime/errorMessages.js"
import type { Handler } from "../../../src/runtime/feature.js"
import type { SlashInvocation } from "../../../src/runtime/interaction/Interaction.js"
import { ReplyFailed } from "../../../src/runtime/replies/Reply.js"
import type { Catalogue } from "../../../src/runtime/sentences/catalogue.js"
import { english } from "../../../src/runtime/sentences/english.js"
import type { SentenceCases } from "../../../src/runtime/sentences/errorSentences.js"
import type { DescribedError, KnownTag } from "../../../src/runtime/sentences/knownErrors.js"
import * as Scalingo from "../../../src/scalingo/errors.js"
import { StorageError } from "../../../src/storage/StorageError.js"
import { Cause } from "effect"

/** A tagged error nobody wrote a sentence for. */
class Unheard extends Data.TaggedError("Unheard")<{ readonly why: string }> {}

/** One of every described error, so each sentence is read at least once. */
const described: { readonly [T in DescribedError["_tag"]]: Extract<DescribedError, { _tag: T }> } = {
  NoLinkedAccount: new NoLinkedAccount(),
  DeadLink: new DeadLink({ username: "alice", reason: "rejected" }),
  TooManyLogins: new TooManyLogins({ scope: "person", retryAfterSeconds: 12 }),
  TokenRejected: new Scalingo.TokenRejected({ message: "no" }),
  Unauthorized: new Scalingo.Unauthorized({ message: "no" }),
  BadRequest: new Scalingo.BadRequest({ message: "bad" }),
  PaymentRequired: new Scalingo.PaymentRequired({
    message: "card expired",
    url: "https://dashboard.scalingo.com/billing"
  }),
  Forbidden: new Scalingo.Forbidden({ message: "limited collaborators cannot", code: "forbidden" }),
  NotFound: new Scalingo.NotFound({ resource: "app", message: "not found" }),
  Conflict: new Scalingo.Conflict({ message: "busy" }),
  InvalidInput: new Scalingo.InvalidInput({ fields: { name: ["has already been taken"] } }),
  RateLimited: new Scalingo.RateLimited({ retryAfterSeconds: 3, source: "scalingo" }),
  ScalingoUnavailable: new Scalingo.ScalingoUnavailable({ reason: "timeout", mayHaveApplied: true, message: "t" }),
  UnexpectedResponse: new Scalingo.UnexpectedResponse({ status: 200, detail: "bad body" })
}

describe("errors typed to the sentence", () => {
  it("every described error reads as its own sentence: no raw field, no tag, no JSON", () => {
    for (const [tag, error] of Object.entries(described)) {
      const { text } = describeFailure(error, "/scalingo")
      expect(text.length, tag).toBeGreaterThan(20)
      expect(text, tag).not.toContain(tag)
      expect(text, tag).not.toMatch(/[{}]|undefined|\[object/)
    }
  })

  it("failures of ours (storage, a reply Slack refused) read as an apology with a reference", async () => {
    for (const error of [
      new StorageError({ reason: "query", detail: "locked" }),
      new ReplyFailed({ method: "chat.postMessage", code: "x" })
    ]) {
      const message = await Effect.runPromise(failureMessage(Cause.fail(error), "/scalingo"))
      expect(message.text).toMatch(/Sorry, something went wrong on our side\. Reference `[0-9a-f]{8}`/)
      expect(message.text).not.toContain("locked")
    }
  })

  it("every sentence of the catalogue has a stable key and reads as text", () => {
    const keys = Object.keys(english).sort()
    expect(keys.length).toBeGreaterThanOrEqual(30)
    for (const key of keys) expect(key).toMatch(/^[a-z]+\.[a-zA-Z]+(\.[a-zA-Z]+)?$/)
  })

  it("the type check refuses a handler failing with an error that has no sentence", () => {
    // @ts-expect-error Unheard is not a KnownError: it has no sentence, so no handler may fail with it
    const handler: Handler<SlashInvocation> = () => Effect.fail(new Unheard({ why: "nobody wrote one" }))
    expect(typeof handler).toBe("function")
  })

  it("the type check refuses a sentence map or a language missing one", () => {
    const { NotFound: _notFound, ...withoutNotFound } = {} as SentenceCases
    // @ts-expect-error a map from errors to sentences must have a case for every described error
    const cases: SentenceCases = withoutNotFound
    const { "account.notLinked": _notLinked, ...withoutOne } = english
    // @ts-expect-error a language must say every sentence
    const language: Catalogue = withoutOne
    expect([cases, language]).toHaveLength(2)
    const tags: ReadonlyArray<KnownTag> = [...Object.keys(described), "StorageError", "ReplyFailed"] as Array<KnownTag>
    expect(new Set(tags).size).toBe(16)
  })
})
