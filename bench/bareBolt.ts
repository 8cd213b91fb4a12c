// The benchmark baseline: a bare Bolt 5 app (HTTPReceiver) that acks every slash command and does
// nothing else (and answers a select's options request with none), so `npm run bench` can tell Bolt's
// own cost apart from the bot's.
// Env: PORT (0 = any free port), SLACK_SIGNING_SECRET, SLACK_BOT_TOKEN, SLACK_API_URL (optional).
// Prints one line `ready <port>` once listening; exits 0 on SIGTERM or SIGINT.
import type { AddressInfo } from "node:net"
import { App, LogLevel } from "@slack/bolt"

const env = (name: string): string => {
  const value = process.env[name]
  if (value === undefined || value === "") {
    process.stderr.write(`bareBolt: ${name} is required\n`)
    process.exit(1)
  }
  return value
}

const port = Number(process.env.PORT ?? "3000")
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  process.stderr.write("bareBolt: PORT must be an integer from 0 to 65535\n")
  process.exit(1)
}

const app = new App({
  signingSecret: env("SLACK_SIGNING_SECRET"),
  token: env("SLACK_BOT_TOKEN"),
  // Known ids: no auth.test at construction, so no Web API is needed at all.
  botId: "B0BAREBOLT",
  botUserId: "U0BAREBOLT",
  logLevel: LogLevel.ERROR,
  clientOptions: { slackApiUrl: process.env.SLACK_API_URL || "https://slack.com/api/" },
  customRoutes: [
    {
      path: "/healthz",
      method: ["GET"],
      handler: (_req, res) => {
        res.writeHead(200, { "content-type": "application/json" })
        res.end('{"ok":true}')
      }
    }
  ]
})

app.command(/.*/, async ({ ack }) => {
  await ack()
})

// A select's options request answered at once with none: the floor for the bot's app picker.
app.options(/.*/, async ({ ack }) => {
  await ack({ options: [] })
})

const server = await app.start(port)
process.stdout.write(`ready ${(server.address() as AddressInfo).port}\n`)

const shutdown = async () => {
  // Keep-alive connections from the load generator would hold server.close() open.
  server.closeIdleConnections()
  const forced = setTimeout(() => server.closeAllConnections(), 10_000)
  forced.unref()
  await app.stop().catch(() => undefined)
  process.exit(0)
}
process.once("SIGTERM", () => void shutdown())
process.once("SIGINT", () => void shutdown())
