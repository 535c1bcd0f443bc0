import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { minFailures } from "../../src/analysis/min-failures.js";
import { applyScenario } from "../../src/scenario/apply-scenario.js";
import { bruteSupplied } from "../_helpers/brute-supply.js";
import { graphFromText } from "../_helpers/graph-from-text.js";
import { randomSupplyGraphText } from "../_helpers/random-supply-graph.js";

function fewest(text: string) {
  const graph = graphFromText(text);
  const r = minFailures(graph, applyScenario(graph, { name: "b" }));
  return Object.fromEntries(r.consumers.map((c) => [c.id, [c.minFailures, c.exact]]));
}

/** Smallest number of nodes (other than c) whose joint removal unsupplies c, by exhaustive search. */
function bruteFewest(text: string): Map<string, number> {
  const graph = graphFromText(text);
  const applied = applyScenario(graph, { name: "b" });
  const base = bruteSupplied(graph, applied);
  const nodes = graph.nodes().sort();
  const out = new Map<string, number>();
  for (const c of graph.filterNodes((_v, a) => (a.demand ?? 0) > 0)) {
    if (!base.has(c)) {
      out.set(c, 0);
      continue;
    }
    const others = nodes.filter((v) => v !== c);
    let best = others.length + 1;
    for (let mask = 1; mask < 1 << others.length; mask++) {
      const dead = new Set(others.filter((_, i) => mask & (1 << i)));
      if (dead.size < best && !bruteSupplied(graph, applied, dead).has(c)) best = dead.size;
    }
    out.set(c, best);
  }
  return out;
}

describe("minFailures", () => {
  it("empty graph", () => {
    const graph = graphFromText("");
    expect(minFailures(graph, applyScenario(graph, { name: "b" }))).toEqual({ consumers: [] });
  });

  it("two node-disjoint routes need two failures; a shared refinery needs one", () => {
    expect(
      fewest(`
        m1 [mine CN output=ore]
        m2 [mine AU output=ore]
        r1 [refinery CN output=ox]
        r2 [refinery MY output=ox]
        r3 [refinery US output=ox]
        car [consumer JP demand=1]
        van [consumer JP demand=1]
        lonely [consumer JP demand=1]
        m1 -> r1
        m2 -> r2
        r1 -> car
        r2 -> car
        m1 -> r3
        m2 -> r3
        r3 -> van
      `),
    ).toEqual({ car: [2, true], lonely: [0, true], van: [1, true] });
  });

  it("recipe consumer: the minimum over its materials", () => {
    expect(
      fewest(`
        nd1 [metal CN output=NdPr]
        nd2 [metal AU output=NdPr]
        dy1 [metal CN output=Dy]
        dy2 [metal MY output=Dy]
        dy3 [metal US output=Dy]
        maker [consumer JP demand=1 recipe=NdPr:1,Dy:1]
        nd1 -> maker
        nd2 -> maker
        dy1 -> maker
        dy2 -> maker
        dy3 -> maker
      `),
    ).toEqual({ maker: [2, true] });
  });

  it("equals exhaustive search on OR graphs, and never undercuts it with recipes", () => {
    for (const withRecipes of [false, true]) {
      fc.assert(
        fc.property(randomSupplyGraphText(7, withRecipes), (text) => {
          const graph = graphFromText(text);
          const fast = minFailures(graph, applyScenario(graph, { name: "b" }));
          const brute = bruteFewest(text);
          for (const c of fast.consumers) {
            if (c.exact) expect(c.minFailures).toBe(brute.get(c.id));
            else expect(c.minFailures).toBeGreaterThanOrEqual(brute.get(c.id)!);
          }
        }),
        { numRuns: 120 },
      );
    }
  });
});
