import { defineConfig } from "vitest/config"

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // End-to-end tests start real servers; each file gets its own process.
    pool: "forks",
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // Files that start whole bot processes are heavy on a 2-core machine.
    maxWorkers: 2,
    minWorkers: 1
  }
})
