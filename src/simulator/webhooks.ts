import type { SimWebhookDelivery } from "./operateTypes.js"

/**
 * The simulator's outgoing webhook calls: one JSON POST per event and notifier, fire-and-forget as
 * Scalingo's are (no signature, secret or retry is documented, so none is made), each recorded with
 * its answer or failure.
 */

export interface DeliveryTarget {
  readonly notifierId: string
  readonly app: string
  readonly url: string
}

/** `fetch failed` says little; its cause (ECONNREFUSED, a timeout) says what happened. */
const describe = (error: unknown): string => {
  const cause = (error as { cause?: { code?: unknown; message?: unknown } }).cause
  const detail = cause?.code ?? cause?.message
  const message = error instanceof Error ? error.message : String(error)
  return detail === undefined ? message : `${message}: ${String(detail)}`
}

export class Webhooks {
  private readonly deliveries: Array<SimWebhookDelivery> = []
  private readonly inFlight = new Set<Promise<void>>()
  private readonly aborts = new AbortController()

  constructor(private readonly timeoutMs: number) {}

  get all(): ReadonlyArray<SimWebhookDelivery> {
    return this.deliveries.slice()
  }

  send(target: DeliveryTarget, event: Record<string, unknown>): void {
    const body = JSON.stringify(event)
    const at = Date.now()
    const record = (status: number, error?: string) =>
      void this.deliveries.push({
        at,
        notifierId: target.notifierId,
        app: target.app,
        url: target.url,
        eventType: String(event["type"]),
        eventId: String(event["id"]),
        body,
        status,
        ...(error === undefined ? {} : { error })
      })
    const signal = AbortSignal.any([this.aborts.signal, AbortSignal.timeout(this.timeoutMs)])
    const delivery = fetch(target.url, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "*/*" },
      body,
      signal
    })
      .then(async (response) => {
        // Drain the body so the connection is released.
        await response.arrayBuffer().catch(() => undefined)
        record(response.status)
      })
      .catch((error: unknown) => record(0, describe(error)))
      .finally(() => this.inFlight.delete(delivery))
    this.inFlight.add(delivery)
  }

  async settle(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.all([...this.inFlight])
  }

  close(): void {
    this.aborts.abort()
  }
}
