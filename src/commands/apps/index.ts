import type { Feature } from "../../runtime/feature.js"
import { apps, appsPage } from "./apps.js"
import { APPS_PAGE_ACTION } from "./appsView.js"

export const appsFeature: Feature = { subcommands: { apps }, buttons: { [APPS_PAGE_ACTION]: appsPage } }
