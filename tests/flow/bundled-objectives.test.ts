/**
 * Every bundled scenario solves on both bundled graphs under every objective (`analyze --objective max-min` once
 * failed on the 2025 graph with E_FLOW_SOLVE in the attack curves).
 */
import { describe, expect, it } from "vitest";
import { FLOW_OBJECTIVES } from "../../src/flow/_solve-flow.js";
import { servedDemand } from "../../src/flow/served-demand.js";
import { bundledGraphPath } from "../../src/io/bundled.js";
import { bundledScenarioNames, loadScenario } from "../../src/io/load-scenario.js";
import { readGraphFile } from "../../src/io/read-graph-file.js";
import { applyScenario } from "../../src/scenario/apply-scenario.js";

describe("every bundled scenario under every objective", () => {
  for (const year of [2010, 2025] as const) {
    it(`solves on the ${year} graph`, async () => {
      const graph = readGraphFile(bundledGraphPath(year));
      for (const name of bundledScenarioNames()) {
        const applied = applyScenario(graph, loadScenario(name));
        for (const objective of FLOW_OBJECTIVES) {
          const r = await servedDemand(graph, applied, { objective });
          expect(r.totalServed).toBeGreaterThanOrEqual(0);
          expect(r.totalServed).toBeLessThanOrEqual(r.maxTotalServed + 1e-6 * Math.max(1, r.totalDemand));
        }
      }
    }, 300_000);
  }
});
