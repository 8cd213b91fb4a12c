/** Pure Block Kit builders: a leaf module that commands and the Slack side both import. */
export * from "./blocks.js"
export * from "./limits.js"
export * from "./text.js"
export * from "./views.js"
export * from "./uniqueIds.js"
