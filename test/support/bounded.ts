/** Runs every task with at most `limit` in flight; resolves when all are done (tasks should not throw). */
export const runBounded = async (tasks: ReadonlyArray<() => Promise<void>>, limit: number): Promise<void> => {
  let next = 0
  const worker = async () => {
    while (next < tasks.length) {
      const task = tasks[next++]!
      await task()
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker))
}

/** Polls `check` until it returns true or `timeoutMs` passes; returns the last answer. */
export const eventually = async (
  check: () => boolean | Promise<boolean>,
  timeoutMs: number,
  everyMs = 200
): Promise<boolean> => {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    if (await check()) return true
    if (Date.now() > deadline) return false
    await new Promise((resolve) => setTimeout(resolve, everyMs))
  }
}
