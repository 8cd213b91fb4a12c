import type { Feature } from "../../runtime/feature.js"
import { info } from "./info.js"

export const infoFeature: Feature = { subcommands: { info }, aboutAnApp: ["info"], needsAnApp: ["info"] }
