/**
 * Every reader and option parser either loads its input or fails with a typed ChokepointError (a few hundred
 * generated inputs per target here; `npm run fuzz` runs 100,000 each). FUZZ_RUNS and FUZZ_SEED override; with
 * FUZZ_REPORT set, the counts per target and outcome are written there as JSON (read by tests/bench/fuzz.mjs).
 */
import { writeFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { FUZZ_TARGETS, type Outcome, typedOnly } from "./_targets.js";

const RUNS = Number(process.env.FUZZ_RUNS ?? 300);
// a fixed seed in `npm test` (the same inputs every run); `npm run fuzz` passes its own
const SEED = Number(process.env.FUZZ_SEED ?? 20261206);
const report: Record<string, { runs: number; ms: number; outcomes: Record<Outcome, number> }> = {};

describe("fuzz: inputs load or fail typed", () => {
  // FUZZ_TARGETS: names separated by "|", run in that order
  const only = process.env.FUZZ_TARGETS?.split("|");
  const chosen = only
    ? only.map((n) => FUZZ_TARGETS.find((t) => t.name === n)!).filter(Boolean)
    : FUZZ_TARGETS;
  for (const target of chosen) {
    it(
      `${target.name}: ${RUNS} generated inputs`,
      () => {
        const outcomes: Record<Outcome, number> = { loaded: 0, problems: 0, "typed error": 0 };
        const start = performance.now();
        fc.assert(
          fc.property(target.inputs, (input) => {
            outcomes[typedOnly(() => target.run(input))]++;
          }),
          { numRuns: RUNS, seed: SEED },
        );
        report[target.name] = { runs: RUNS, ms: Math.round(performance.now() - start), outcomes };
        // written after each target, so a long run that is stopped keeps what it finished
        if (process.env.FUZZ_REPORT)
          writeFileSync(process.env.FUZZ_REPORT, `${JSON.stringify(report, null, 2)}\n`);
        // the mutations must reach past the first parse: some inputs load, some are refused
        expect(outcomes.loaded).toBeGreaterThan(0);
        expect(outcomes.problems + outcomes["typed error"]).toBeGreaterThan(0);
      },
      Math.max(60_000, RUNS * 50),
    );
  }
});
