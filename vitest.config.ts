import { defineConfig } from "vitest/config"
import { BaseSequencer, type TestSpecification } from "vitest/node"

/**
 * The end-to-end folders (whole bot processes, mostly waiting on them) give each file fresh modules, as before.
 * Every other file shares its worker's loaded modules: loading Effect and the sources again for each file was
 * about three quarters of their CPU time (test/commands: 72 -> 17 CPU-s). None of them patches globals or mocks
 * modules.
 */
const endToEnd = [
  "test/e2e/**/*.test.ts",
  "test/replicas/**/*.test.ts",
  "test/faults/**/*.test.ts",
  "test/abuse/**/*.test.ts"
]

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
    pool: "forks",
    // Workers are reused across files (the pool reads this from the root only); each project below says whether
    // a file also gets fresh modules.
    isolate: false,
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // Three on two cores: the end-to-end files spend about half their time waiting (bot starts, polls, fixed
    // waits for "nothing happens"), and the bots now start from a bundle at a third of the CPU.
    maxWorkers: 3,
    minWorkers: 1,
    sequence: { sequencer: LongWaitsFirst },
    projects: [
      {
        extends: true,
        test: { name: "shared modules", include: ["test/**/*.test.ts"], exclude: endToEnd, isolate: false }
      },
      { extends: true, test: { name: "end to end", include: endToEnd, isolate: true } }
    ]
  }
})
