import { declare } from "../../runtime/declarations.js"
import type { Feature } from "../../runtime/feature.js"
import { info } from "./info.js"

export const infoFeature: Feature = {
  commands: [
    declare({
      word: "info",
      group: "look",
      summary: "an app's status, formation and last deployment",
      forms: [{ usage: "info <app>", example: "info my-app", what: "an app's status, formation and last deployment" }],
      policy: "read",
      app: "required",
      fromButtons: true,
      handler: info
    })
  ]
}
