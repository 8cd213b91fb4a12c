/** What the main thread asks the load worker, and what it answers. */

export interface LoadCommand {
  readonly text: string
  readonly userId: string
  readonly responseUrl: string
  /**
   * "options": a select's options request (block_suggestion) for the app picker, `text` being what was
   * typed; a slash command otherwise.
   */
  readonly kind?: "options"
}

export interface LoadRequest {
  readonly id: number
  readonly baseUrl: string
  readonly secret: string
  readonly commands: ReadonlyArray<LoadCommand>
  /** How many requests are in flight at once (the commands' length sends them all at once). */
  readonly concurrency: number
}

export interface LoadReply {
  readonly id: number
  /** ms per command, in the order given (NaN never: a failed request keeps its elapsed time). */
  readonly latencies: ReadonlyArray<number>
  /** HTTP status per command; 0 when the request failed without an answer. */
  readonly statuses: ReadonlyArray<number>
  /** The first few transport errors. */
  readonly errors: ReadonlyArray<string>
  readonly wallMs: number
}
