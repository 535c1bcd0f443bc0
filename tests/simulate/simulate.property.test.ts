/**
 * Properties of `simulate` on random small graphs (fast-check): the yearly model is its limit (one period of a
 * year, no lead times, stocks or requalification), and every period serves between nothing and the demand.
 */
import fc from "fast-check";
import { describe, expect, it, vi } from "vitest";
import { servedDemand } from "../../src/flow/served-demand.js";
import { applyScenario } from "../../src/scenario/apply-scenario.js";
import { simulate } from "../../src/simulate/simulate.js";
import { graphFromText } from "../_helpers/graph-from-text.js";
import { randomSupplyGraphText } from "../_helpers/random-supply-graph.js";

vi.setConfig({ testTimeout: 300_000 });

/** The random graph with capacities on its producers (1-7, by line), so that supply is scarce somewhere. */
const graphs = randomSupplyGraphText(7).map((text) =>
  text
    .split("\n")
    .map((line, i) =>
      line.includes("[refinery") ? line.replace("]", ` capacity=${((i * 3) % 7) + 1}]`) : line,
    )
    .join("\n"),
);

describe("simulate: properties", () => {
  it("one period of 365 days without lead times, stocks or requalification serves the yearly total", async () => {
    await fc.assert(
      fc.asyncProperty(graphs, async (text) => {
        const g = graphFromText(text);
        const applied = applyScenario(g, { name: "baseline" });
        const yearly = await servedDemand(g, applied);
        const sim = await simulate(g, applied, {
          horizon: 365,
          step: 365,
          leadTimes: false,
          stocks: false,
          qualificationAll: 0,
        });
        const served = (sim.periods[0]?.consumers ?? []).reduce((t, c) => t + c.served, 0);
        expect(Math.abs(served - yearly.totalServed)).toBeLessThanOrEqual(
          1e-5 * Math.max(1, yearly.totalServed),
        );
      }),
      { numRuns: 15, seed: 7 },
    );
  });

  it("with a timed removal and lead times, every period serves between nothing and the demand", async () => {
    await fc.assert(
      fc.asyncProperty(graphs, async (text) => {
        const g = graphFromText(text);
        const applied = applyScenario(g, {
          name: "n0 down",
          remove: [{ node: "n0", startDay: 3, durationDays: 8 }],
        });
        const sim = await simulate(g, applied, { horizon: 28, step: 7 });
        for (const p of sim.periods) {
          for (const c of p.consumers) {
            expect(c.fraction).toBeGreaterThanOrEqual(0);
            expect(c.fraction).toBeLessThanOrEqual(1);
          }
          for (const s of p.stocks) expect(s.left).toBeGreaterThanOrEqual(0);
        }
      }),
      { numRuns: 15, seed: 11 },
    );
  });
});
