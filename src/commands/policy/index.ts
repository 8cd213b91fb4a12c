import type { Feature } from "../feature.js"
import { policy } from "./policy.js"

export const policyFeature: Feature = { subcommands: { policy } }
