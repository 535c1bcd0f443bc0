import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { singlePointsOfFailure } from "../../src/analysis/single-points-of-failure.js";
import { applyScenario } from "../../src/scenario/apply-scenario.js";
import { bruteSinglePoints } from "../_helpers/brute-supply.js";
import { graphFromText } from "../_helpers/graph-from-text.js";
import { randomSupplyGraphText } from "../_helpers/random-supply-graph.js";
import { isSource, type SupplyGraph } from "../../src/model/types.js";

/** Textbook dominators (iterative sets, Allen & Cocke 1972) from a super-source above every source. */
function plainDominators(graph: SupplyGraph): Map<string, Set<string>> {
  const reach = new Set<string>();
  const stack = graph.filterNodes((v) => isSource(graph, v));
  for (const v of stack) reach.add(v);
  while (stack.length) {
    for (const w of graph.outNeighbors(stack.pop()!)) {
      if (reach.has(w)) continue;
      reach.add(w);
      stack.push(w);
    }
  }
  const all = [...reach];
  const dom = new Map<string, Set<string>>(
    all.map((v) => [v, isSource(graph, v) ? new Set([v]) : new Set(all)]),
  );
  let changed = true;
  while (changed) {
    changed = false;
    for (const v of all) {
      if (isSource(graph, v)) continue;
      const preds = graph.inNeighbors(v).filter((p) => reach.has(p));
      const next = new Set(
        preds.length ? [...dom.get(preds[0]!)!].filter((x) => preds.every((p) => dom.get(p)!.has(x))) : [],
      );
      next.add(v);
      if (next.size !== dom.get(v)!.size) {
        dom.set(v, next);
        changed = true;
      }
    }
  }
  return dom;
}

const BASE = { name: "baseline" };

function spofOf(text: string, scenario: Parameters<typeof applyScenario>[1] = BASE) {
  const graph = graphFromText(text);
  const result = singlePointsOfFailure(graph, applyScenario(graph, scenario));
  return {
    consumers: Object.fromEntries(result.consumers.map((c) => [c.id, c.singlePointsOfFailure])),
    nodes: Object.fromEntries(result.nodes.map((n) => [n.id, [n.consumersCutAlone, n.demandCutAlone]])),
  };
}

describe("singlePointsOfFailure", () => {
  it("empty graph", () => {
    const graph = graphFromText("");
    expect(singlePointsOfFailure(graph, applyScenario(graph, BASE))).toEqual({ consumers: [], nodes: [] });
  });

  it("OR graph: a chain is all single points, a second supplier removes them", () => {
    const r = spofOf(`
      m1 [mine CN output=ore]
      m2 [mine AU output=ore]
      r1 [refinery CN output=ox]
      car [consumer JP demand=10]
      m1 -> r1
      m2 -> r1
      r1 -> car
    `);
    // r1 is the only refinery; the two mines back each other up
    expect(r.consumers).toEqual({ car: ["r1"] });
    expect(r.nodes).toEqual({ car: [0, 0], m1: [0, 0], m2: [0, 0], r1: [1, 10] });
  });

  it("recipe graph: each ingredient's sole supplier is a single point (AND), not the OR alternative", () => {
    const r = spofOf(`
      ndpr [metal CN output=NdPr]
      dy1 [metal CN output=Dy]
      dy2 [metal MY output=Dy]
      mag [magnet JP output=mag recipe=NdPr:1,Dy:1]
      car [consumer JP demand=5]
      ndpr -> mag
      dy1 -> mag
      dy2 -> mag
      mag -> car
    `);
    expect(r.consumers).toEqual({ car: ["mag", "ndpr"] });
  });

  it("cycle: a loop that only feeds itself gives no support; the way in is a single point", () => {
    const r = spofOf(`
      m [mine AU output=ore]
      a [refinery AU output=ore]
      b [refinery AU output=ore]
      car [consumer JP demand=1]
      m -> a
      a -> b
      b -> a
      b -> car
    `);
    expect(r.consumers).toEqual({ car: ["a", "b", "m"] });
  });

  it("unsupplied consumer and a cut: [] and no counts", () => {
    const r = spofOf(
      `
      m [mine CN output=ore]
      car [consumer JP demand=3]
      lonely [consumer US demand=2]
      m -> car
    `,
      { name: "cut", cut: [{ from: "CN", to: "JP" }] },
    );
    expect(r.consumers).toEqual({ car: [], lonely: [] });
    expect(r.nodes.m).toEqual([0, 0]);
  });

  it("equals plain dominators from a super-source on graphs without recipes", () => {
    fc.assert(
      fc.property(randomSupplyGraphText(10, false), (text) => {
        const graph = graphFromText(text);
        const fast = singlePointsOfFailure(graph, applyScenario(graph, BASE));
        const dom = plainDominators(graph);
        for (const c of fast.consumers) {
          const expected = dom.has(c.id) ? [...dom.get(c.id)!].filter((x) => x !== c.id).sort() : [];
          expect(c.singlePointsOfFailure).toEqual(expected);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("matches brute force (remove each node, recheck supply) on random recipe graphs with cycles", () => {
    fc.assert(
      fc.property(randomSupplyGraphText(9, true), (text) => {
        const graph = graphFromText(text);
        const applied = applyScenario(graph, BASE);
        const fast = singlePointsOfFailure(graph, applied);
        const brute = bruteSinglePoints(graph, applied);
        for (const c of fast.consumers) expect(c.singlePointsOfFailure).toEqual(brute.get(c.id) ?? []);
      }),
      { numRuns: 400 },
    );
  });
});
