import { startSimulator } from "./index.js"

/**
 * `npm run simulator`: the Scalingo simulator on fixed ports (SIMULATOR_PORT, default 4040, regions
 * on +1 and +2) with the demo accounts, for trying the bot without a Scalingo account.
 */

const parsePort = (raw: string | undefined): number => {
  if (raw === undefined || raw === "") return 4040
  const port = Number(raw)
  if (!Number.isInteger(port) || port < 1 || port > 65533) {
    console.error(`SIMULATOR_PORT must be a port number between 1 and 65533 (got "${raw}")`)
    process.exit(1)
  }
  return port
}

const simulator = await startSimulator({ authPort: parsePort(process.env["SIMULATOR_PORT"]) })

const lines = [
  "Scalingo simulator running",
  `  auth host      ${simulator.authUrl}`,
  ...simulator.regions.map((region) => `  ${region.name.padEnd(14)} ${region.apiUrl}`),
  "",
  "Accounts (paste a token into `/scalingo login <token>`; tokens stay the same across restarts):",
  ...Object.values(simulator.accounts).map((account) => `  ${account.username.padEnd(6)} ${account.apiToken}`),
  "  alice reaches osc-fr1 and osc-secnum-fr1, bob only osc-fr1, carol has no verified billing (create answers 402).",
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
