import type { Feature } from "../feature.js"
import { createApp } from "./createApp.js"
import { CREATE_CALLBACK } from "./createViews.js"
import { submitCreateApp } from "./submitCreateApp.js"

export const createFeature: Feature = {
  subcommands: { create: createApp },
  submissions: { [CREATE_CALLBACK]: submitCreateApp }
}
