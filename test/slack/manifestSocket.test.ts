// The Socket Mode manifest is the HTTP one minus its URLs, and the README names the bot as Slack will.
import { readFileSync } from "node:fs"
import { fileURLToPath } from "node:url"
import { describe, expect, it } from "vitest"
import { parse } from "yaml"

const read = (name: string) => readFileSync(fileURLToPath(new URL(`../../${name}`, import.meta.url)), "utf8")

interface Manifest {
  features: { bot_user: { display_name: string }; slash_commands: Array<{ url?: string }> }
  settings: {
    socket_mode_enabled: boolean
    interactivity: { is_enabled: boolean; request_url?: string; message_menu_options_url?: string }
    event_subscriptions?: { request_url?: string; bot_events: Array<string> }
  }
}

const http = parse(read("manifest.yml")) as Manifest
const socket = parse(read("manifest.socket.yml")) as Manifest

describe("manifest.socket.yml", () => {
  it("enables Socket Mode and declares no URL for Slack to call", () => {
    expect(socket.settings.socket_mode_enabled).toBe(true)
    expect(socket.settings.interactivity).toEqual({ is_enabled: true })
    for (const command of socket.features.slash_commands) expect(command).not.toHaveProperty("url")
    expect(read("manifest.socket.yml")).not.toContain("YOUR-BOT-HOST")
  })

  it("is manifest.yml in every other field (the two are kept in step)", () => {
    const withoutUrls = structuredClone(http)
    withoutUrls.settings.socket_mode_enabled = true
    delete withoutUrls.settings.interactivity.request_url
    delete withoutUrls.settings.interactivity.message_menu_options_url
    delete withoutUrls.settings.event_subscriptions?.request_url
    for (const command of withoutUrls.features.slash_commands) delete command.url
    expect(socket).toEqual(withoutUrls)
  })
})

describe("the README", () => {
  it("tells people to invite the bot by the name the manifest gives it", () => {
    const invites = [...read("README.md").matchAll(/\/invite @([\w.-]+)/g)].map((m) => m[1])
    expect(invites.length).toBeGreaterThan(0)
    for (const name of invites) expect(name).toBe(http.features.bot_user.display_name)
  })

  it("counts the manifest's URLs to edit as the manifest has them, and has them edited before pasting", () => {
    const readme = read("README.md")
    const urls = read("manifest.yml").match(/^\s*[a-z_]+: https:\/\/YOUR-BOT-HOST\//gm)?.length ?? 0
    const inWords = ["none", "one", "two", "three", "four", "five", "six"][urls]
    expect(readme).toContain(`all **${inWords}** URLs`)
    expect(readme.indexOf("Edit the manifest first")).toBeLessThan(readme.indexOf("From an app manifest"))
  })

  it("points Socket Mode users at manifest.socket.yml", () => {
    expect(read("README.md")).toContain("manifest.socket.yml")
  })
})
