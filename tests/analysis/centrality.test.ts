import fc from "fast-check";
import { betweenness } from "graphology-metrics/centrality/index.js";
import { describe, expect, it } from "vitest";
import { centrality } from "../../src/analysis/centrality.js";
import { applyScenario } from "../../src/scenario/apply-scenario.js";
import { graphFromText } from "../_helpers/graph-from-text.js";
import { randomSupplyGraphText } from "../_helpers/random-supply-graph.js";

describe("centrality", () => {
  it("empty graph and a scenario that removes everything do not throw", () => {
    const empty = graphFromText("");
    expect(centrality(empty, applyScenario(empty, { name: "b" }))).toEqual({
      sampledPivots: null,
      nodes: [],
    });
    const one = graphFromText("m [mine CN output=ore]\ncar [consumer JP demand=1]\nm -> car volume=4");
    const all = centrality(
      one,
      applyScenario(one, { name: "x", remove: [{ country: "CN" }, { country: "JP" }] }),
    );
    expect(all.nodes.map((n) => n.betweenness)).toEqual([0, 0]);
  });

  it("a refinery between two mines and two consumers carries every path; volume shares per stage", () => {
    const graph = graphFromText(`
      m1 [mine CN output=ore]
      m2 [mine AU output=ore]
      r [refinery CN output=ox]
      c1 [consumer JP demand=1]
      c2 [consumer US demand=1]
      m1 -> r volume=30
      m2 -> r volume=10
      r -> c1 volume=25
      r -> c2 volume=15
    `);
    const r = centrality(graph, applyScenario(graph, { name: "b" }));
    const byId = Object.fromEntries(r.nodes.map((n) => [n.id, n]));
    expect(byId.r!.betweenness).toBe(4);
    expect(byId.m1!.volumeShare).toBe(0.75);
    expect(byId.c1!.volumeShare).toBe(25 / 40);
    expect(byId.r!.volumeShare).toBe(1);
  });

  it("the CSR Brandes used for sampling equals graphology-metrics when every node is a pivot", () => {
    fc.assert(
      fc.property(randomSupplyGraphText(10, true), (text) => {
        const graph = graphFromText(text);
        const applied = applyScenario(graph, { name: "b" });
        const sampled = centrality(graph, applied, { exactMaxNodes: 0, pivots: graph.order });
        const exact = centrality(graph, applied);
        expect(exact.sampledPivots).toBeNull();
        expect(sampled.sampledPivots).toBe(graph.order);
        const reference = betweenness(graph, { getEdgeWeight: null, normalized: false });
        for (const [i, n] of exact.nodes.entries()) {
          expect(n.betweenness).toBeCloseTo(reference[n.id]!, 9);
          expect(sampled.nodes[i]!.betweenness).toBeCloseTo(n.betweenness, 9);
        }
      }),
      { numRuns: 150 },
    );
  });
});
