/**
 * The simulator's own timers (operations, deployments): unref'd so they never keep a process alive,
 * and all cleared on close so nothing fires against a closed simulator.
 */
export class Timers {
  private readonly pending = new Set<NodeJS.Timeout>()
  private closed = false

  after(ms: number, run: () => void): void {
    if (this.closed) return
    const timer = setTimeout(
      () => {
        this.pending.delete(timer)
        run()
      },
      Math.max(0, ms)
    )
    timer.unref()
    this.pending.add(timer)
  }

  close(): void {
    this.closed = true
    for (const timer of this.pending) clearTimeout(timer)
    this.pending.clear()
  }
}
