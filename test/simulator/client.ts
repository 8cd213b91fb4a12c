import type { Simulator } from "../../src/simulator/index.js"

/** Plain fetch helpers for talking to the simulator the way the bot does. */

export const basicAuth = (apiToken: string): string => `Basic ${Buffer.from(`:${apiToken}`).toString("base64")}`

export const exchange = (sim: Simulator, apiToken: string): Promise<Response> =>
  fetch(`${sim.authUrl}/v1/tokens/exchange`, { method: "POST", headers: { authorization: basicAuth(apiToken) } })

/** A fresh bearer for a seeded or created account. */
export const bearerFor = async (sim: Simulator, username: string): Promise<string> => {
  const response = await exchange(sim, sim.accounts[username]!.apiToken)
  if (response.status !== 200) throw new Error(`exchange for ${username} answered ${response.status}`)
  const { token } = (await response.json()) as { token: string }
  return token
}

export const regionUrl = (sim: Simulator, region: string): string => {
  const found = sim.regions.find(({ name }) => name === region)
  if (found === undefined) throw new Error(`no region ${region}`)
  return found.apiUrl
}

export const call = (
  baseUrl: string,
  path: string,
  bearer: string,
  init: { method?: string; body?: string; headers?: Record<string, string> } = {}
): Promise<Response> =>
  fetch(`${baseUrl}${path}`, {
    method: init.method ?? "GET",
    headers: { authorization: `Bearer ${bearer}`, "content-type": "application/json", ...init.headers },
    ...(init.body === undefined ? {} : { body: init.body })
  })

export const decodeJwtPayload = (jwt: string): Record<string, unknown> =>
  JSON.parse(Buffer.from(jwt.split(".")[1]!, "base64url").toString("utf8")) as Record<string, unknown>

/** Polls `probe` until it returns a value other than undefined (or throws after `timeoutMs`). */
export const eventually = async <A>(
  probe: () => A | undefined | Promise<A | undefined>,
  timeoutMs = 5_000
): Promise<A> => {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = await probe()
    if (value !== undefined) return value
    if (Date.now() > deadline) throw new Error("condition not reached in time")
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}

/** JSON of a call that must answer `status`. */
export const jsonOf = async <A = Record<string, unknown>>(response: Response, status = 200): Promise<A> => {
  const body = await response.text()
  if (response.status !== status) throw new Error(`expected ${status}, got ${response.status}: ${body}`)
  return JSON.parse(body) as A
}
