import { startSimulator } from "./index.js"
import type { Simulator } from "./types.js"

/**
 * `npm run simulator`: the Scalingo simulator on fixed ports (SIMULATOR_PORT, default 4040; the
 * regions on +1 and +2, the logs host on +3) with the demo accounts, for trying the bot without a
 * Scalingo account.
 */

const fail = (message: string): never => {
  console.error(message)
  process.exit(1)
}

const parsePort = (raw: string | undefined): number => {
  if (raw === undefined || raw === "") return 4040
  const port = Number(raw)
  if (!Number.isInteger(port) || port < 1 || port > 65532) {
    fail(`SIMULATOR_PORT must be a port number between 1 and 65532 (got "${raw}")`)
  }
  return port
}

const MOVE = "set SIMULATOR_PORT to another base port"
const authPort = parsePort(process.env["SIMULATOR_PORT"])

/** One readable line for the usual start-up failures, instead of a stack trace. */
const start = async (): Promise<Simulator> => {
  try {
    return await startSimulator({ authPort })
  } catch (error) {
    const { code, port } = error as { code?: unknown; port?: unknown }
    const ports = `${authPort}-${authPort + 3}`
    if (code === "EADDRINUSE") {
      const taken = String(port ?? authPort)
      return fail(`Port ${taken} is already in use: the simulator needs ports ${ports}; ${MOVE}`)
    }
    if (code === "EACCES")
      return fail(`Not allowed to listen on ports ${ports}; set SIMULATOR_PORT to a port above 1024`)
    return fail(`The simulator could not start: ${error instanceof Error ? error.message : String(error)}`)
  }
}

const simulator = await start()

const lines = [
  "Scalingo simulator running",
  `  auth host      ${simulator.authUrl}`,
  ...simulator.regions.map((region) => `  ${region.name.padEnd(14)} ${region.apiUrl}`),
  `  logs host      ${simulator.logsUrl}`,
  "",
  "Accounts (paste a token into `/scalingo login <token>`; tokens stay the same across restarts):",
  ...Object.values(simulator.accounts).map((account) => `  ${account.username.padEnd(6)} ${account.apiToken}`),
  "  alice reaches osc-fr1 and osc-secnum-fr1, bob only osc-fr1, carol has no verified billing (create answers 402),",
  "  erin owns nothing but is a limited collaborator on alice-web and a collaborator on bob-blog.",
  "",
  "Point the bot at it (in .env or the environment):",
  `  SCALINGO_AUTH_URL=${simulator.authUrl}`,
  "",
  "Ctrl-C stops it."
]
console.log(lines.join("\n"))

const stop = () => {
  simulator.close().then(
    () => process.exit(0),
    () => process.exit(1)
  )
}
process.once("SIGINT", stop)
process.once("SIGTERM", stop)
