import { declare } from "../../runtime/declarations.js"
import type { Feature } from "../../runtime/feature.js"
import { apps, appsPage } from "./apps.js"
import { APPS_PAGE_ACTION } from "./appsView.js"

export const appsFeature: Feature = {
  commands: [
    declare({
      word: "apps",
      group: "look",
      summary: "your apps in every region",
      forms: [{ usage: "apps", example: "apps", what: "list your apps in every region, with status and last deploy" }],
      policy: "read",
      app: "none",
      fromButtons: false,
      handler: apps
    })
  ],
  buttons: { [APPS_PAGE_ACTION]: appsPage }
}
