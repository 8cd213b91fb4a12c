/**
 * Every failure sentence a person can read, by a stable key, with the values it needs. A language is a
 * `Catalogue`: one function per key (English in `english.ts`; French arrives as a second table on the
 * same keys, and the type check then asks for every sentence). Values are already safe to show
 * (escaped or quoted by whoever fills them).
 */
export interface SentenceValues {
  readonly "account.notLinked": { readonly command: string }
  readonly "account.relink": { readonly command: string; readonly tokensPage: string }
  readonly "account.unreadableToken": { readonly command: string }
  readonly "account.tooManyLogins.person": { readonly seconds: string }
  readonly "account.tooManyLogins.workspace": { readonly seconds: string }
  readonly "scalingo.unauthorized": Record<never, never>
  readonly "scalingo.paymentRequired": { readonly said: string; readonly billingLink?: string | undefined }
  readonly "scalingo.regionDisabled": Record<never, never>
  readonly "scalingo.forbidden": { readonly said: string; readonly code?: string | undefined }
  readonly "scalingo.appNotFound": { readonly command: string }
  readonly "scalingo.notFound": { readonly resource: string }
  readonly "scalingo.conflict": { readonly said: string }
  readonly "scalingo.invalidInput": { readonly lines: ReadonlyArray<string> }
  readonly "scalingo.badRequest": Record<never, never>
  readonly "scalingo.rateLimited.budget": { readonly seconds: string }
  readonly "scalingo.rateLimited.scalingo": { readonly seconds: string }
  readonly "scalingo.unavailable": {
    readonly reason: "timeout" | "transport" | "server-error"
    readonly mayHaveApplied: boolean
  }
  readonly "scalingo.unexpectedResponse": Record<never, never>
  readonly "change.busy": { readonly app: string; readonly check: string }
  readonly "change.forbidden": { readonly verb: string; readonly app: string }
  readonly "change.unreadableAnswer": { readonly verb: string; readonly app: string; readonly check: string }
  readonly "change.unanswered": {
    readonly verb: string
    readonly app: string
    readonly check: string
    readonly events: string
  }
  readonly "change.notSent": { readonly verb: string; readonly app: string }
  readonly "ours.apology": { readonly reference: string }
  readonly "input.notAnAppName": { readonly word: string; readonly command: string }
  readonly "input.staleButton": { readonly command: string }
  readonly "input.cannotSee": { readonly what: string }
  readonly "login.tokenShape": Record<never, never>
  readonly "login.tokenRejected": Record<never, never>
  readonly "create.noRegion": Record<never, never>
  readonly "channel.cannotPost": { readonly reason: string; readonly invite: string }
}

export type SentenceKey = keyof SentenceValues

/** A sentence as read: what happened, and what to do next when there is something to say. */
export interface Said {
  readonly text: string
  readonly hint?: string
}

export type Catalogue = { readonly [K in SentenceKey]: (values: SentenceValues[K]) => Said }

/** One sentence to say: its key and values, rendered by the reader's catalogue. */
export type Sentence = {
  readonly [K in SentenceKey]: { readonly key: K; readonly values: SentenceValues[K] }
}[SentenceKey]

export const sentence = <K extends SentenceKey>(key: K, values: SentenceValues[K]): Sentence =>
  ({ key, values }) as Sentence

export const render = (catalogue: Catalogue, said: Sentence): Said =>
  (catalogue[said.key] as (values: SentenceValues[typeof said.key]) => Said)(said.values)
