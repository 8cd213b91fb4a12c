import type { Feature } from "../../runtime/feature.js"
import { help } from "./help.js"

export const helpFeature: Feature = { subcommands: { help: (invocation) => help(invocation) } }
