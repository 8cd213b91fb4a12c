import type { Feature } from "../../runtime/feature.js"
import { linkFromHome, star, unstar } from "./home.js"
import { HOME_LINK_ACTION } from "./homeView.js"

export const homeFeature: Feature = {
  subcommands: { star, unstar },
  aboutAnApp: ["star", "unstar"],
  needsAnApp: ["star", "unstar"],
  buttons: { [HOME_LINK_ACTION]: linkFromHome }
}
