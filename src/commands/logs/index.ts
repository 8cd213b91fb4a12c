import type { Feature } from "../../runtime/feature.js"
import { logs } from "./logs.js"

export const logsFeature: Feature = { subcommands: { logs }, aboutAnApp: ["logs"], needsAnApp: ["logs"] }
