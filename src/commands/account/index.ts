import type { Feature } from "../../runtime/feature.js"
import { logout, whoami } from "./account.js"

export const accountFeature: Feature = { subcommands: { whoami, logout } }
