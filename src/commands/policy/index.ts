import type { Feature } from "../../runtime/feature.js"
import { policy } from "./policy.js"

export const policyFeature: Feature = { subcommands: { policy } }
