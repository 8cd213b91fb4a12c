import { declare } from "../../runtime/declarations.js"
import type { Feature } from "../../runtime/feature.js"
import { restart } from "./restart.js"

export const restartFeature: Feature = {
  commands: [
    declare({
      word: "restart",
      group: "change",
      summary: "restart an app, or some of its types",
      forms: [
        {
          usage: "restart <app> [type …]",
          example: "restart my-app web",
          what: "restart an app or some of its types, after you confirm"
        }
      ],
      policy: "restart",
      app: "required",
      fromButtons: true,
      handler: restart
    })
  ]
}
