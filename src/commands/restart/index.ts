import type { Feature } from "../../runtime/feature.js"
import { restart } from "./restart.js"

export const restartFeature: Feature = {
  subcommands: { restart },
  aboutAnApp: ["restart"],
  needsAnApp: ["restart"]
}
