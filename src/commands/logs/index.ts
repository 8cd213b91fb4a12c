import { declare } from "../../runtime/declarations.js"
import type { Feature } from "../../runtime/feature.js"
import { logs } from "./logs.js"

export const logsFeature: Feature = {
  commands: [
    declare({
      word: "logs",
      group: "look",
      summary: "an app's last log lines, in a DM",
      forms: [
        {
          usage: "logs <app> [lines] [filter]",
          example: "logs my-app 200 web",
          what: "DM you an app's last log lines (50 by default, at most 1,000), of one type or container if you like"
        }
      ],
      policy: "read",
      app: "required",
      fromButtons: true,
      handler: logs
    })
  ]
}
