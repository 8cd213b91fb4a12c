import { declare } from "../../runtime/declarations.js"
import type { Feature } from "../../runtime/feature.js"
import { type Catalogue, help } from "./help.js"

/** `help`, over every declared command (its own declaration included). */
export const helpFeature = (catalogue: Catalogue): Feature => ({
  commands: [
    declare({
      word: "help",
      group: "account",
      summary: "this list, or one command in detail",
      forms: [
        { usage: "help", example: "help", what: "the commands, by what they are for" },
        { usage: "help <command>", example: "help scale", what: "one command in detail: its forms and examples" }
      ],
      policy: "read",
      app: "none",
      fromButtons: false,
      handler: help(catalogue)
    })
  ]
})
