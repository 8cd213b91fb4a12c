import { Effect, FiberRef } from "effect"

/**
 * `Effect.fn(name)` when tracing is on, `Effect.fnUntraced` when it is off (no collector configured:
 * the tracer is disabled). `Effect.fn` builds an Error for its stack trace, a span and a copy of the
 * fiber's context on every call, spans or not; with tracing off that was waste on every command (the
 * profile, `npm run bench:profile`). The choice is made per call from the fiber's tracer switch.
 */
const isGenerator = (body: unknown): boolean =>
  typeof body === "function" && body.constructor?.name === "GeneratorFunction"

export const fn = (name: string): Effect.fn.Gen & Effect.fn.NonGen =>
  // biome-ignore lint/suspicious/noExplicitAny: forwards Effect.fn's own overloads unchanged.
  ((body: any, ...pipeables: Array<any>) => {
    // biome-ignore lint/suspicious/noExplicitAny: as above.
    const traced = (Effect.fn(name) as any)(body, ...pipeables)
    const untraced = isGenerator(body)
      ? // biome-ignore lint/suspicious/noExplicitAny: as above.
        (Effect.fnUntraced as any)(body, ...pipeables)
      : function (this: unknown, ...args: Array<unknown>) {
          // A plain function returning an effect: its pipeables applied as Effect.fn applies them.
          return Effect.suspend(() =>
            pipeables.reduce(
              (effect, pipeable) => pipeable(effect, ...args),
              // biome-ignore lint/suspicious/noExplicitAny: as above.
              (body as any).apply(this, args)
            )
          )
        }
    return function (this: unknown, ...args: Array<unknown>) {
      return Effect.flatMap(FiberRef.get(FiberRef.currentTracerEnabled), (enabled) =>
        enabled ? traced.apply(this, args) : untraced.apply(this, args)
      )
    }
    // biome-ignore lint/suspicious/noExplicitAny: as above.
  }) as any
