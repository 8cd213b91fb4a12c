import { defineConfig } from "vitest/config"
import { BaseSequencer, type TestSpecification } from "vitest/node"

/** The longest waits (about a minute or more each) start first, so none of them runs alone at the end. */
const longWaits = ["replicas/keyRotation", "e2e/watch.", "e2e/process", "replicas/twoReplicas", "replicas/watchRepl"]
class LongWaitsFirst extends BaseSequencer {
  override async sort(files: Array<TestSpecification>) {
    const rank = (spec: TestSpecification) => {
      const at = longWaits.findIndex((part) => spec.moduleId.includes(part))
      return at === -1 ? longWaits.length : at
    }
    return (await super.sort(files)).sort((a, b) => rank(a) - rank(b))
  }
}

export default defineConfig({
  test: {
    // The JSON report lets .ci/run print one plain "N passed, N failed" line at the end.
    reporters: ["default", ["json", { outputFile: ".test-results/vitest.json" }]],
    // Bundles the bot once for the whole run; every bot process the tests start runs that bundle.
    globalSetup: ["test/support/botBundle.ts"],
    include: ["test/**/*.test.ts"],
    // End-to-end tests start real servers; each file gets its own process. (Sharing loaded modules between
    // files saved CPU but ended a whole run with tinypool's "Terminating worker thread": not worth it.)
    pool: "forks",
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // Three on two cores: the end-to-end files spend about half their time waiting (bot starts, polls, fixed
    // waits for "nothing happens"), and the bots now start from a bundle at a third of the CPU.
    maxWorkers: 3,
    minWorkers: 1,
    sequence: { sequencer: LongWaitsFirst }
  }
})
