import { declare } from "../../runtime/declarations.js"
import type { Feature } from "../../runtime/feature.js"
import { linkFromHome, star, unstar } from "./home.js"
import { HOME_LINK_ACTION } from "./homeView.js"

export const homeFeature: Feature = {
  commands: [
    declare({
      word: "star",
      group: "watch",
      summary: "put an app on your App Home",
      forms: [
        { usage: "star <app>", example: "star my-app", what: "put an app on your App Home (the bot's Home tab)" }
      ],
      policy: "read",
      app: "required",
      fromButtons: true,
      handler: star
    }),
    declare({
      word: "unstar",
      group: "watch",
      summary: "take an app off your App Home",
      forms: [{ usage: "unstar <app>", example: "unstar my-app", what: "take an app off your App Home" }],
      policy: "read",
      app: "required",
      fromButtons: true,
      handler: unstar
    })
  ],
  buttons: { [HOME_LINK_ACTION]: linkFromHome }
}
