import { defineConfig } from "vitest/config"

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Bundles the bot once for the whole run; every bot process the tests start runs that bundle.
    globalSetup: ["test/support/botBundle.ts"],
    // The JSON report lets .ci/run print one plain "N passed, N failed" line at the end.
    reporters: ["default", ["json", { outputFile: ".test-results/vitest.json" }]],
    // End-to-end tests start real servers; each file gets its own process.
    pool: "forks",
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // Files that start whole bot processes are heavy on a 2-core machine.
    maxWorkers: 2,
    minWorkers: 1
  }
})
