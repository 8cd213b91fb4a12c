import type { Accounts } from "./accounts.js"
import type { AppStore } from "./appStore.js"
import { makeEvents, sampleIsAboutAnApp } from "./eventFactory.js"
import { seedDeployments, seedLogs } from "./history.js"
import { stableUuid } from "./ids.js"
import type { SimEventUser } from "./operateTypes.js"
import { regionOf } from "./testApi.js"
import type { Simulator } from "./types.js"

/** The world-building part of the test API: accounts, apps and their past events. */

/** Apps added by the test API predate the events added to them. */
const SEEDED_APP_AGE_MS = 180 * 86_400_000

type SetupApi = Pick<
  Simulator,
  | "accounts"
  | "createAccount"
  | "revokeToken"
  | "addApp"
  | "addAppEvents"
  | "addAccountEvents"
  | "disableAppCreation"
  | "appsOf"
>

export const setupApi = ({ accounts, store }: { accounts: Accounts; store: AppStore }): SetupApi => {
  const ownApp = (username: string, regionName: string, appName: string) => {
    const app = store.find(regionOf(regionName), appName, accounts.require(username).account.username)
    if (app === undefined) throw new Error(`Simulator: ${username} has no app "${appName}" in ${regionName}`)
    return app
  }
  /** The pusher of past deployments: the account of that name, or a stranger who once deployed. */
  const pusherNamed = (username: string): SimEventUser => {
    const known = accounts.get(username)?.account
    if (known !== undefined) return { id: known.id, username: known.username, email: known.email }
    return { id: `us-${stableUuid(`user:${username}`)}`, username, email: `${username}@example.com` }
  }
  return {
    accounts: accounts.byUsername,
    createAccount: (spec) => accounts.create(spec),
    revokeToken: (apiToken) => accounts.revoke(apiToken),
    addApp: (username, regionName, spec) => {
      accounts.require(username)
      const app = store.build({
        ...spec,
        status: spec.status ?? "running",
        region: regionOf(regionName),
        owner: username,
        createdAtMs: Date.now() - SEEDED_APP_AGE_MS
      })
      seedDeployments(
        app,
        pusherNamed(spec.lastDeployedBy ?? username),
        spec.pastDeployments ?? 1,
        spec.lastDeploymentStatus
      )
      seedLogs(app, spec.logLines ?? 0)
      store.insert(app)
    },
    addAppEvents: (username, regionName, appName, count) => {
      const app = ownApp(username, regionName, appName)
      const events = makeEvents({
        count,
        user: accounts.require(username).account,
        existing: app.events,
        appFor: () => app
      })
      app.events = [...events, ...app.events]
    },
    addAccountEvents: (username, regionName, count) => {
      const user = accounts.require(username).account
      const region = regionOf(regionName)
      const apps = store.ownedBy(region, username)
      const events = makeEvents({
        count,
        user,
        existing: store.accountEventsOf(username, region),
        appFor: (index, sample) =>
          sampleIsAboutAnApp(sample) && apps.length > 0 ? apps[index % apps.length] : undefined
      })
      store.prependAccountEvents(username, region, events)
    },
    disableAppCreation: (regionName) => store.disableCreation(regionOf(regionName)),
    appsOf: (username, regionName) => store.ownedBy(regionOf(regionName), username).map(({ name }) => ({ name }))
  }
}
