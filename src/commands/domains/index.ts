import { declare } from "../../runtime/declarations.js"
import type { Feature } from "../../runtime/feature.js"
import { domains } from "./domains.js"

export const domainsFeature: Feature = {
  commands: [
    declare({
      word: "domains",
      group: "look",
      summary: "an app's custom domains and their certificates",
      forms: [
        {
          usage: "domains <app>",
          example: "domains my-app",
          what: "an app's custom domains, canonical first, with TLS state and certificates ending within 14 days"
        }
      ],
      policy: "read",
      app: "required",
      fromButtons: true,
      handler: domains
    })
  ]
}
