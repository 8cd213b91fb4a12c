import { Data } from "effect"

/** The person has not linked a Scalingo account yet. */
// biome-ignore lint/complexity/noBannedTypes: Data.TaggedError needs exactly {} for an argument-less constructor
export class NoLinkedAccount extends Data.TaggedError("NoLinkedAccount")<{}> {}

/** Scalingo rejected the stored token: the link is dead until the person relinks. */
export class DeadLink extends Data.TaggedError("DeadLink")<{
  readonly username: string
  /** `rejected`: Scalingo refused the token; `unreadable`: it was sealed with a key no longer configured. */
  readonly reason?: "rejected" | "unreadable"
}> {}
