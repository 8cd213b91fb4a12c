import { fn } from "../../tracing/fn.js"
import { Effect } from "effect"
import { Accounts } from "../../accounts/Accounts.js"
import { AppDirectory } from "../../accounts/AppDirectory.js"
import { say } from "../../blockKit/blocks.js"
import { code, listOf } from "../../blockKit/text.js"
import { AutoscalersApi } from "../../scalingo/AutoscalersApi.js"
import { ContainersApi } from "../../scalingo/ContainersApi.js"
import { askToConfirm } from "../../runtime/changes/confirmation.js"
import type { SlashInvocation } from "../../runtime/interaction/Interaction.js"
import { Reply } from "../../runtime/replies/Reply.js"
import { changeKinds } from "../changeKinds.js"
import { type ContainerType, parseChanges, planScale } from "./scalePlan.js"
import { scaleChangeOf } from "./scaleKind.js"

const refused = (problems: ReadonlyArray<string>) => Reply.Private({ message: say(problems.join("\n")) })

/** `scale <app>` alone: what runs now, and how to say what to change. */
const currentFormation = (invocation: SlashInvocation, app: string) =>
  Effect.gen(function* () {
    const accounts = yield* Accounts
    const directory = yield* AppDirectory
    const containers = yield* ContainersApi
    const formation = yield* accounts.actingAs(invocation.person, ({ account }) =>
      Effect.flatMap(directory.find(account, app), ({ region }) => containers.formation(account, region, app))
    )
    const now =
      formation.length === 0
        ? `${code(app)} has no containers yet (it was never deployed).`
        : `${code(app)} runs ${listOf(formation.map((t) => code(`${t.name}: ${t.amount} × ${t.size ?? "?"}`)))}.`
    const example = formation[0]?.name ?? "web"
    return Reply.Private({
      message: say(
        now,
        `Say what to change: \`${invocation.command} scale ${app} ${example}:2\`, ` +
          `\`${example}:+1\`, or a size, \`${example}:2:L\`.`
      )
    })
  })

/**
 * `scale <app> <type>:<amount>[:<size>] …`: checks the words first (nothing is read for a typo), then
 * reads the formation, Scalingo's sizes and the autoscalers at once, and asks the person to confirm the
 * formation before → after. A change that stops the app asks for its name in a modal.
 */
export const scale = fn("Scale.command")(function* (invocation: SlashInvocation, args: ReadonlyArray<string>) {
  const accounts = yield* Accounts
  const directory = yield* AppDirectory
  const containers = yield* ContainersApi
  const autoscalers = yield* AutoscalersApi
  const [app = "", ...words] = args
  if (words.length === 0) return yield* currentFormation(invocation, app)
  const parsed = parseChanges(words)
  if (!parsed.ok) return refused(parsed.problems)
  const read = yield* accounts.actingAs(invocation.person, ({ account }) =>
    Effect.gen(function* () {
      const { region } = yield* directory.find(account, app)
      const [formation, sizes, scalers] = yield* Effect.all(
        [
          containers.formation(account, region, app),
          containers.sizes(account, region),
          autoscalers.list(account, region, app).pipe(Effect.orElseSucceed(() => []))
        ],
        { concurrency: "unbounded" }
      )
      return { region, formation, sizes, scalers }
    })
  )
  const formation: ReadonlyArray<ContainerType> = read.formation.map((t) => ({
    name: t.name,
    amount: t.amount,
    size: t.size ?? ""
  }))
  const plan = planScale(
    formation,
    parsed.changes,
    read.sizes.map((s) => s.name)
  )
  if (!plan.ok) return refused(plan.problems)
  const scaled = new Set(plan.changes.map((c) => c.name))
  const autoscaled = read.scalers
    .filter((a) => !a.disabled && scaled.has(a.container_type))
    .map((a) => a.container_type)
  return yield* askToConfirm(invocation, changeKinds, scaleChangeOf(plan.before, plan.after, autoscaled), {
    app,
    region: read.region
  })
})
