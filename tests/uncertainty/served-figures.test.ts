import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { FLOW_OBJECTIVES } from "../../src/flow/_solve-flow.js";
import { servedDemand } from "../../src/flow/served-demand.js";
import { loadScenario } from "../../src/io/load-scenario.js";
import { readGraphFile } from "../../src/io/read-graph-file.js";
import type { SupplyGraph } from "../../src/model/types.js";
import { applyScenario } from "../../src/scenario/apply-scenario.js";
import type { AppliedScenario } from "../../src/scenario/types.js";
import { servedFigures } from "../../src/uncertainty/_served-figures.js";
import { graphFromText } from "../_helpers/graph-from-text.js";
import { randomSupplyGraphText } from "../_helpers/random-supply-graph.js";

/** What `servedDemand` reports, in the shape the Monte Carlo records. */
async function reference(
  graph: SupplyGraph,
  applied: AppliedScenario,
  objective: (typeof FLOW_OBJECTIVES)[number],
) {
  const r = await servedDemand(graph, applied, { objective });
  return {
    totalDemand: r.totalDemand,
    totalServed: r.totalServed,
    countries: new Map(
      Object.entries(r.countries).map(([k, c]) => [k, { demand: c.demand, served: c.served }]),
    ),
  };
}

describe("servedFigures equals servedDemand's totals", () => {
  it("on random graphs with capacities, under every objective", async () => {
    const graphs = fc
      .tuple(
        randomSupplyGraphText(8),
        fc.array(fc.integer({ min: 0, max: 12 }), { minLength: 8, maxLength: 8 }),
      )
      .map(([text, caps]) => {
        let k = 0;
        // Limit some refineries: `n3 [refinery JP output=a]` → `... capacity=5]`.
        return text.replace(/(\[refinery [^\]]*)\]/g, (_m, head: string) => {
          const cap = caps[k++ % caps.length]!;
          return cap > 0 ? `${head} capacity=${cap}]` : `${head}]`;
        });
      });
    await fc.assert(
      fc.asyncProperty(graphs, fc.constantFrom(...FLOW_OBJECTIVES), async (text, objective) => {
        const graph = graphFromText(text);
        const applied = applyScenario(graph, { name: "baseline" });
        const got = await servedFigures(graph, applied, objective);
        const want = await reference(graph, applied, objective);
        expect(got.totalServed).toBe(want.totalServed);
        expect(got.totalDemand).toBeCloseTo(want.totalDemand, 9);
        expect([...got.countries.keys()].sort()).toEqual([...want.countries.keys()].sort());
        for (const [code, c] of want.countries) {
          expect(got.countries.get(code)!.served).toBe(c.served);
          expect(got.countries.get(code)!.demand).toBeCloseTo(c.demand, 9);
        }
      }),
      { numRuns: 60 },
    );
  });

  it("on the bundled 2025 graph under no-china", async () => {
    const graph = readGraphFile("graphs/rare-earths-2025.json");
    const applied = applyScenario(graph, loadScenario("no-china"));
    const got = await servedFigures(graph, applied, "max-total");
    const want = await reference(graph, applied, "max-total");
    expect(got.totalServed).toBe(want.totalServed);
    for (const [code, c] of want.countries) expect(got.countries.get(code)!.served).toBe(c.served);
  });
});
