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
