import { describe, expect, it } from "vitest"
import { codeFilesUnder, readSource } from "./sourceFiles.js"

/**
 * The bot token is an installation like any other: only the seeding at start reads SLACK_BOT_TOKEN (its
 * setting is declared in SlackSettings); every other use goes through the installation store.
 */
describe("who reads the bot token", () => {
  it("only the installation seeding reads SLACK_BOT_TOKEN or the botToken setting", () => {
    const withoutComments = (source: string) => source.replace(/\/\*[\s\S]*?\*\//g, "").replace(/^\s*\/\/.*$/gm, "")
    const readers = codeFilesUnder("src").filter((file) =>
      /\bSLACK_BOT_TOKEN\b|[sS]ettings\.botToken\b|\bbotToken\s*:\s*setting\(/.test(withoutComments(readSource(file)))
    )
    expect(readers).toEqual(["src/slack/SlackSettings.ts", "src/slack/seedInstallation.ts"])
  })
})
