// One grammar for naming containers, shared by restart, scale and logs: a type (`web`), one container of
// it (`web-1`), what no formation lists (the router, one-offs), and the sentence for names an app lacks.
import { describe, expect, it } from "vitest"
import {
  CONTAINER_TYPE_PATTERN,
  isContainerName,
  isOneOff,
  namesInFormation,
  notInFormation,
  typesOf,
  unknownContainersSentence
} from "../../src/scalingo/containerNames.js"

const TYPES = ["web", "worker", "clock_2"]

describe("container names", () => {
  it("a name is lowercase letters, digits, `_` and `-`, starting with a letter or digit, at most 63", () => {
    for (const name of ["web", "web-1", "clock_2", "1st", "a".repeat(63)])
      expect(isContainerName(name), name).toBe(true)
    for (const name of ["", "Web", "-web", "_web", "web.1", "web 1", "web/1", "a".repeat(64), "wéb"])
      expect(isContainerName(name), name).toBe(false)
  })

  it("a word names a type of the formation, or one container of a type (`web-1`, up to 3 digits)", () => {
    expect(
      ["web", "worker", "clock_2", "web-1", "worker-12", "clock_2-100"].map((w) => namesInFormation(w, TYPES))
    ).toEqual([true, true, true, true, true, true])
    expect(
      ["db", "web-", "web-1234", "web-1-2", "webs-1", "web_1", "Web-1"].map((w) => namesInFormation(w, TYPES))
    ).toEqual([false, false, false, false, false, false, false])
  })

  it("a type whose name ends like a container (`web-1`) has containers of its own (`web-1-2`)", () => {
    expect(namesInFormation("web-1-2", ["web-1"])).toBe(true)
    expect(namesInFormation("web-1", ["web-1"])).toBe(true)
    expect(namesInFormation("web-2", ["web-1"])).toBe(false)
  })

  it("the router and one-offs are no formation's: only their own checks know them", () => {
    expect(isOneOff("one-off-1234")).toBe(true)
    expect(isOneOff("one-off-")).toBe(false)
    expect(isOneOff("one-off-1234567")).toBe(false)
    expect(namesInFormation("router", TYPES)).toBe(false)
  })

  it("notInFormation keeps the unknown words, in order", () => {
    expect(notInFormation(["web", "db", "worker-1", "Bad!", "web-9"], TYPES)).toEqual(["db", "Bad!"])
    expect(notInFormation(["web"], [])).toEqual(["web"])
  })

  it("the pattern is the one scale's `type:amount` reads", () => {
    expect(new RegExp(`^${CONTAINER_TYPE_PATTERN}:2$`).test("clock_2:2")).toBe(true)
  })

  it("says which names the app lacks and what it has, or that it has none yet", () => {
    expect(unknownContainersSentence("my-app", ["db", "cache"], ["web", "worker"], "to restart")).toBe(
      "`my-app` has no `db` and `cache` to restart; its types are `web` and `worker`."
    )
    expect(unknownContainersSentence("my-app", ["db"], [], "containers")).toBe(
      "`my-app` has no `db` containers; it has no containers yet."
    )
    expect(typesOf(["web"])).toBe("its types are `web`.")
  })
})
