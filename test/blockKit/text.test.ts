import { describe, expect, it } from "vitest"
import { blockTextLength, message, section } from "../../src/blockKit/blocks.js"
import { LIMITS } from "../../src/blockKit/limits.js"
import { code, link, neutraliseMarks, plain } from "../../src/blockKit/text.js"

/** Would Slack's mrkdwn format this? A mark touching a word inside and a boundary outside. */
const formats = (text: string) =>
  /(^|[^\p{L}\p{N}])([*_~`])[^\s*_~`\u200b](?:[^*_~`]*[^\s*_~`\u200b])?\2(?=$|[^\p{L}\p{N}])/u.test(text)

describe("text from data (defect 13)", () => {
  it("formatting marks in data are made inert, snake_case is left alone", () => {
    for (const data of ["*bold*", "_italic_", "~strike~", "`code`", "a *b* c", "fix: *urgent* _now_"]) {
      expect(formats(data), data).toBe(true)
      expect(formats(neutraliseMarks(data)), data).toBe(false)
    }
    expect(neutraliseMarks("MY_SNAKE_CASE_NAME")).toBe("MY_SNAKE_CASE_NAME")
    expect(neutraliseMarks("2*3*4")).toBe("2*3*4")
  })

  it("plain escapes mentions and links, on one line", () => {
    expect(plain("<!channel>\n<https://x.example|y>")).toBe("&lt;!channel&gt; &lt;https://x.example|y&gt;")
  })

  it("a link shows the host it leads to, unless its label already names it", () => {
    expect(link("https://evil.example/pr/1", "Pull request")).toBe(
      "<https://evil.example/pr/1|Pull request (evil.example)>"
    )
    expect(link("https://github.com/a/b", "github.com/a/b")).toBe("<https://github.com/a/b|github.com/a/b>")
    expect(link("javascript:alert(1)", "click")).toBe("click")
  })

  it("code spans cannot be closed early by data", () => {
    expect(code("a`b")).toBe("`a'b`")
  })
})

describe("messages within Slack's limits (defect 7)", () => {
  it("a message never holds more block text than Slack accepts, nor more than 50 blocks", () => {
    const huge = message(
      "t",
      Array.from({ length: 80 }, () => section("x".repeat(2_900)))
    )
    expect(huge.blocks.length).toBeLessThanOrEqual(LIMITS.blocksPerMessage)
    expect(huge.blocks.reduce((n, b) => n + blockTextLength(b), 0)).toBeLessThanOrEqual(LIMITS.messageBlockText)
  })
})
