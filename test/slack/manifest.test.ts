// The Slack app manifest: what the bot needs, within Slack's limits (slack-platform.md §5, §6).
import { readFileSync } from "node:fs"
import { fileURLToPath } from "node:url"
import { describe, expect, it } from "vitest"
import { parse } from "yaml"

interface Manifest {
  _metadata: { major_version: number; minor_version: number }
  display_information: { name: string; description: string; long_description: string; background_color: string }
  features: {
    bot_user: { display_name: string; always_online?: boolean }
    slash_commands: Array<{
      command: string
      url?: string
      description: string
      usage_hint: string
      should_escape: boolean
    }>
  }
  oauth_config: { scopes: { bot: Array<string> } }
  settings: {
    interactivity: { is_enabled: boolean; request_url: string }
    socket_mode_enabled: boolean
    token_rotation_enabled: boolean
    org_deploy_enabled: boolean
  }
}

const manifestPath = fileURLToPath(new URL("../../manifest.yml", import.meta.url))
const manifest = parse(readFileSync(manifestPath, "utf8")) as Manifest

describe("the Slack app manifest", () => {
  it("parses as YAML and targets manifest schema 1.1", () => {
    expect(manifest._metadata).toEqual({ major_version: 1, minor_version: 1 })
  })

  it("declares /scalingo with a description and the usage hint of every subcommand", () => {
    const commands = manifest.features.slash_commands
    expect(commands).toHaveLength(1)
    expect(commands[0]).toMatchObject({
      command: "/scalingo",
      url: "https://YOUR-BOT-HOST/slack/events",
      // Every subcommand (issue 16: the hint named 10 of the 19).
      usage_hint:
        "[help | login | whoami | logout | apps | info | events | deployments | logs | domains | create | restart | " +
        "scale | subscribe | unsubscribe | subscriptions | star | unstar | policy | audit] [app] …",
      should_escape: false
    })
    expect(commands[0]!.description.length).toBeGreaterThan(0)
  })

  it("enables interactivity on the same /slack/events endpoint", () => {
    expect(manifest.settings.interactivity).toEqual({
      is_enabled: true,
      request_url: "https://YOUR-BOT-HOST/slack/events",
      message_menu_options_url: "https://YOUR-BOT-HOST/slack/events"
    })
  })

  it("asks for exactly the bot scopes the bot uses", () => {
    expect([...manifest.oauth_config.scopes.bot].sort()).toEqual([
      "chat:write",
      "chat:write.public",
      "commands",
      "files:write",
      "im:write",
      "users:read"
    ])
  })

  it("has a Home tab and subscribes to app_home_opened alone, on the same /slack/events endpoint", () => {
    const raw = manifest as unknown as {
      features: { app_home?: { home_tab_enabled?: boolean } }
      settings: { event_subscriptions?: { request_url?: string; bot_events?: Array<string> } }
    }
    expect(raw.features.app_home?.home_tab_enabled).toBe(true)
    expect(raw.settings.event_subscriptions).toEqual({
      request_url: "https://YOUR-BOT-HOST/slack/events",
      bot_events: ["app_home_opened"]
    })
  })

  it("uses HTTP mode without token rotation or org-wide deploy", () => {
    expect(manifest.settings).toMatchObject({
      socket_mode_enabled: false,
      token_rotation_enabled: false,
      org_deploy_enabled: false
    })
  })

  it("respects every length and character limit Slack puts on manifest fields", () => {
    const { name, description, long_description, background_color } = manifest.display_information
    expect(name.length).toBeGreaterThan(0)
    expect(name.length).toBeLessThanOrEqual(35)
    expect(description.length).toBeGreaterThan(0)
    expect(description.length).toBeLessThanOrEqual(140)
    expect(long_description.length).toBeGreaterThanOrEqual(174)
    expect(long_description.length).toBeLessThanOrEqual(4000)
    expect(background_color).toMatch(/^#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/)
    const { display_name } = manifest.features.bot_user
    expect(display_name.length).toBeGreaterThan(0)
    expect(display_name.length).toBeLessThanOrEqual(80)
    expect(display_name).toMatch(/^[a-z0-9._-]+$/)
    for (const command of manifest.features.slash_commands) {
      expect(command.command).toMatch(/^\/[^\s]{1,31}$/)
      expect(command.description.length).toBeLessThanOrEqual(2000)
      expect(command.usage_hint.length).toBeLessThanOrEqual(1000)
    }
    expect(manifest.features.slash_commands.length).toBeLessThanOrEqual(50)
  })
})
