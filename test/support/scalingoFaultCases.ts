import { expect } from "vitest"
import type { SimAccount, SimFault } from "../../src/simulator/index.js"
import { buttonsOf } from "./blockKit.js"
import { type Asker, isCreateForm, privateOrThreaded, privateReply, textsIn } from "./faultChecks.js"
import { type BodyKind, BODY_KINDS, eventsAnswers, json, regionsBody } from "./scalingoAnswers.js"
import type { World } from "./world.js"

/**
 * One case per Scalingo route the commands use: how to prepare a fresh person so that the command
 * touches only that route, how to run the command, and what the person reads when it works.
 */

export type Route = Required<Pick<SimFault, "host" | "method" | "path">>
const route = (host: Route["host"], method: string, path: string): Route => ({ host, method, path })
export const EXCHANGE = route("auth", "POST", "/v1/tokens/exchange")
export const USERS_SELF = route("auth", "GET", "/v1/users/self")
export const REGIONS = route("auth", "GET", "/v1/regions")
export const LIST_APPS = route("osc-fr1", "GET", "/v1/apps")
export const CREATE_APP = route("osc-fr1", "POST", "/v1/apps")
export const ACCOUNT_EVENTS = route("osc-fr1", "GET", "/v1/events")
export const appEvents = (app: string) => route("osc-fr1", "GET", `/v1/apps/${app}/events`)

export interface Person extends Asker {
  readonly account: SimAccount
  /** An app of the person's own, with events (6 to 48 characters). */
  readonly app: string
}

/** What a case learned while preparing (before any fault is armed). */
export interface Prepared {
  readonly person: Person
  readonly bearer?: string
  readonly formId?: string
  readonly nextValue?: string
  readonly threadTs?: string
}

export interface FaultCase {
  readonly title: string
  /** A change (creating an app): never retried, so a failure leaves it unknown whether it applied. */
  readonly change?: boolean
  /** Whether the person is linked before the wave (whoami must still show it afterwards). */
  readonly linkedBefore: boolean
  /** What the person reads when the command works. */
  readonly success: (p: Person) => RegExp
  readonly route: (p: Prepared) => Route
  readonly prepare: (world: World, person: Person) => Promise<Prepared>
  /** Answers (200) for a body kind; undefined when the kind does not apply to this route. */
  readonly bodies: Partial<Record<BodyKind, (world: World, p: Prepared) => Array<SimFault> | undefined>>
  /** Runs the command and resolves with what the person ends up reading. */
  readonly run: (world: World, p: Prepared) => Promise<string>
}

// ---- how each command is run and read ----------------------------------------------------------

const link = async (world: World, person: Person) => {
  expect(await privateReply(world, `login ${person.account.apiToken}`, person)).toContain(person.account.username)
}

/** `events …`: resolves with the threaded page or the private answer, and the page's call when there is one. */
const runEvents = async (world: World, person: Person, text: string) => {
  const responseUrl = world.slack.responseUrl()
  const mark = world.slack.calls.length
  expect((await world.command(text, { userId: person.userId, channelId: person.channelId, responseUrl })).status).toBe(
    200
  )
  return privateOrThreaded(world, person, responseUrl, mark)
}

/** `create`: the modal the person ends with (the form, or a sentence replacing the loading view). */
const runCreateCommand = async (world: World, person: Person) => {
  const triggerId = `trigger-${person.userId}-${Date.now()}`
  const responseUrl = world.slack.responseUrl()
  expect(
    (await world.command("create", { userId: person.userId, channelId: person.channelId, responseUrl, triggerId }))
      .status
  ).toBe(200)
  const first = await world.slack.waitFor(
    (r) =>
      (r.kind === "call" && r.method === "views.open" && r.params.trigger_id === triggerId) ||
      (r.kind === "response" && r.id === responseUrl.split("/").pop()),
    { timeoutMs: 45_000 }
  )
  if (first.kind === "response") return { formId: undefined, text: textsIn(first.body) }
  const opened = first.params.view as { private_metadata?: string }
  // Only the form and the loading view carry metadata; anything else is already the final sentence.
  if (opened.private_metadata === undefined) return { formId: undefined, text: textsIn(opened) }
  const stored = [...world.slack.views.values()].find((v) => v.private_metadata === opened.private_metadata)!
  if (isCreateForm(opened)) return { formId: stored.id, text: textsIn(opened) }
  const updated = await world.slack.waitForCall("views.update", (c) => c.params.view_id === stored.id, {
    timeoutMs: 45_000
  })
  return { formId: isCreateForm(updated.params.view) ? stored.id : undefined, text: textsIn(updated.params.view) }
}

const fill = (name: string, region: string) => ({
  name: { name: { type: "plain_text_input", value: name } },
  region: { region: { type: "static_select", selected_option: { value: region } } }
})

// ---- the cases: one per route the commands use -------------------------------------------------

const newAppName = (p: Person) => `${p.app}-new`

export const CASES: ReadonlyArray<FaultCase> = [
  {
    title: "`login <token>` (token exchange)",
    linkedBefore: false,
    success: (p) => new RegExp(`act as the Scalingo account \\*${p.account.username}\\*`),
    route: () => EXCHANGE,
    prepare: async (world, person) => {
      // A bearer Scalingo really issued, for answers that wrap it in unknown fields.
      const exchanged = await fetch(`${world.sim.authUrl}/v1/tokens/exchange`, {
        method: "POST",
        headers: { authorization: `Basic ${Buffer.from(`:${person.account.apiToken}`).toString("base64")}` }
      })
      return { person, bearer: ((await exchanged.json()) as { token: string }).token }
    },
    bodies: {
      // The exchange case also owns /v1/users/self here: the login reads both.
      unknownFields: (_world, p) => [
        { ...EXCHANGE, ...json({ token: p.bearer, expires_at: "2099-01-01T00:00:00Z", refresh_hint: { in: 3000 } }) },
        {
          ...USERS_SELF,
          ...json({
            user: {
              id: p.person.account.id,
              username: p.person.account.username,
              email: p.person.account.email,
              fullname: null,
              avatar: { url: "x" },
              mfa: true
            },
            meta: {}
          })
        }
      ]
    },
    run: (world, p) => privateReply(world, `login ${p.person.account.apiToken}`, p.person)
  },
  {
    title: "`login <token>` again (users/self)",
    linkedBefore: true,
    success: (p) => new RegExp(`act as the Scalingo account \\*${p.account.username}\\*`),
    route: () => USERS_SELF,
    prepare: async (world, person) => {
      await link(world, person)
      return { person }
    },
    bodies: {},
    run: (world, p) => privateReply(world, `login ${p.person.account.apiToken}`, p.person)
  },
  {
    title: "`create` (regions)",
    linkedBefore: true,
    success: () => /osc-fr1/,
    route: () => REGIONS,
    prepare: async (world, person) => {
      await link(world, person)
      return { person }
    },
    bodies: {
      unknownFields: (world) => [{ ...json(regionsBody(world, ["osc-fr1"])) }],
      emptyLists: () => [{ ...json({ regions: [] }) }]
    },
    run: async (world, p) => (await runCreateCommand(world, p.person)).text
  },
  {
    title: "`events <app>` (regions)",
    linkedBefore: true,
    success: (p) => new RegExp(`events of ${p.app}`),
    route: () => REGIONS,
    prepare: async (world, person) => {
      await link(world, person)
      return { person }
    },
    bodies: {
      unknownFields: (world) => [{ ...json(regionsBody(world, ["osc-fr1"])) }],
      emptyLists: () => [{ ...json({ regions: [] }) }]
    },
    run: async (world, p) => (await runEvents(world, p.person, `events ${p.person.app}`)).text
  },
  {
    title: "`apps` (list apps)",
    linkedBefore: true,
    success: (p) => new RegExp(p.app),
    route: () => LIST_APPS,
    prepare: async (world, person) => {
      await link(world, person)
      expect(await privateReply(world, "apps", person)).toContain(person.app)
      return { person }
    },
    bodies: {
      unknownFields: (_world, p) => [
        {
          ...json({
            apps: [
              {
                id: "ap-1",
                name: p.person.app,
                status: "running",
                region: "osc-fr1",
                last_deployed_at: null,
                hds_resource: true,
                owner: { id: "us-1", username: "u", email: "e@example.com", badge: "gold" }
              }
            ],
            meta: { total: 1 }
          })
        }
      ],
      emptyLists: () => [{ ...json({ apps: [] }) }]
    },
    run: (world, p) => privateReply(world, "apps", p.person)
  },
  {
    title: "the create form's submission (create app)",
    change: true,
    linkedBefore: true,
    success: (p) => new RegExp(`${newAppName(p)}\\* now exists`),
    route: () => CREATE_APP,
    prepare: async (world, person) => {
      await link(world, person)
      const { formId } = await runCreateCommand(world, person)
      expect(formId).toBeDefined()
      return { person, formId: formId! }
    },
    bodies: {
      unknownFields: (_world, p) => [
        {
          ...json({
            app: {
              id: "ap-new",
              name: newAppName(p.person),
              status: "new",
              region: "osc-fr1",
              git_url: `git@ssh.example:${newAppName(p.person)}.git`,
              quantum_state: { x: 1 }
            }
          })
        }
      ]
    },
    run: async (world, p) => {
      const view = world.slack.views.get(p.formId!)!
      const mark = world.slack.calls.length
      const reply = await world.submit({ view, userId: p.person.userId, values: fill(newAppName(p.person), "osc-fr1") })
      expect(reply.status).toBe(200)
      const body = reply.body as { response_action?: string; view?: unknown; errors?: Record<string, string> }
      if (body.response_action === "errors") return Object.values(body.errors ?? {}).join("\n")
      const shown = textsIn(body.view)
      if (!shown.includes("Creating")) return shown
      const updated = await world.slack.waitForCall(
        "views.update",
        (c) => c.params.view_id === view.id && world.slack.calls.indexOf(c) >= mark,
        { timeoutMs: 45_000 }
      )
      return textsIn(updated.params.view)
    }
  },
  {
    title: "`events <app>` (app events)",
    linkedBefore: true,
    success: (p) => new RegExp(`events of ${p.app}`),
    route: (p) => appEvents(p.person.app),
    prepare: async (world, person) => {
      await link(world, person)
      expect(await privateReply(world, "apps", person)).toContain(person.app) // regions are now known
      return { person }
    },
    bodies: eventsBodiesFor("own app", 1),
    run: async (world, p) => (await runEvents(world, p.person, `events ${p.person.app}`)).text
  },
  {
    title: "`events` (account events)",
    linkedBefore: true,
    success: () => /account events/,
    route: () => ACCOUNT_EVENTS,
    prepare: async (world, person) => {
      await link(world, person)
      expect(await privateReply(world, "apps", person)).toContain(person.app)
      return { person }
    },
    bodies: eventsBodiesFor(undefined, 1),
    run: async (world, p) => (await runEvents(world, p.person, "events")).text
  },
  {
    title: "the events Next button (app events, page 2)",
    linkedBefore: true,
    success: (p) => new RegExp(`Page 2 of \\d+: events of ${p.app}|events of ${p.app}`),
    route: (p) => appEvents(p.person.app),
    prepare: async (world, person) => {
      await link(world, person)
      const first = await runEvents(world, person, `events ${person.app}`)
      expect(first.where).toBe("thread")
      const next = buttonsOf(first.page!.params as never, "events_page").find((b) => b.text.startsWith("Next"))
      expect(next).toBeDefined()
      return { person, nextValue: next!.value, threadTs: String(first.page!.params.thread_ts) }
    },
    bodies: eventsBodiesFor("own app", 2),
    run: async (world, p) => {
      const responseUrl = world.slack.responseUrl()
      const mark = world.slack.calls.length
      const clicked = await world.click({
        actionId: "events_page",
        value: p.nextValue!,
        userId: p.person.userId,
        channelId: p.person.channelId,
        threadTs: p.threadTs!,
        messageTs: "1700000001.000001",
        responseUrl
      })
      expect(clicked.status).toBe(200)
      return (await privateOrThreaded(world, p.person, responseUrl, mark)).text
    }
  }
]

/** Event-page answers for every body kind; an app's carry the person's app name. */
function eventsBodiesFor(about: "own app" | undefined, page: number): FaultCase["bodies"] {
  return Object.fromEntries(
    BODY_KINDS.map((kind) => [
      kind,
      (_world: World, p: Prepared): Array<SimFault> =>
        eventsAnswers(about === undefined ? undefined : p.person.app, page)[kind]()
    ])
  )
}
