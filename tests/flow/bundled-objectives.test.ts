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
import { ScenarioError } from "../../src/model/errors.js";
import { applyScenario } from "../../src/scenario/apply-scenario.js";

describe("every bundled scenario under every objective", () => {
  for (const year of [2010, 2025] as const) {
    it(`solves on the ${year} graph`, async () => {
      const graph = readGraphFile(bundledGraphPath(year));
      let solved = 0;
      for (const name of bundledScenarioNames()) {
        let applied: ReturnType<typeof applyScenario>;
        try {
          applied = applyScenario(graph, loadScenario(name));
        } catch (error) {
          // a scenario that names a node the older graph does not have (e.g. a Lynas outage in 2010)
          expect(error).toBeInstanceOf(ScenarioError);
          continue;
        }
        solved++;
        for (const objective of FLOW_OBJECTIVES) {
          const r = await servedDemand(graph, applied, { objective });
          expect(r.totalServed).toBeGreaterThanOrEqual(0);
          expect(r.totalServed).toBeLessThanOrEqual(r.maxTotalServed + 1e-6 * Math.max(1, r.totalDemand));
        }
      }
      // the 2025 graph takes every bundled scenario; the 2010 graph those naming only what it has (4 today)
      expect(solved).toBeGreaterThanOrEqual(year === 2025 ? bundledScenarioNames().length : 4);
    }, 300_000);
  }
});
