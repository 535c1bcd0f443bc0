import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { csrOf, scenarioMasks } from "../../src/analysis/_csr.js";
import { dominators } from "../../src/analysis/_dominators.js";
import { singlePointsOfFailure } from "../../src/analysis/single-points-of-failure.js";
import { supplyMask } from "../../src/analysis/supply.js";
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

  it("matches brute force when the scenario cuts edges between nodes it keeps (country-pair cuts)", () => {
    // the dominator pass skips the per-edge mask unless a cut leaves both ends of an edge standing
    fc.assert(
      fc.property(randomSupplyGraphText(9, true), fc.nat(), (text, pick) => {
        const graph = graphFromText(text);
        // a cut is between two countries, and one that matches no edge is an error: cut an existing pair
        const edges = graph.filterEdges(
          (_e, _a, s, t) => graph.getNodeAttribute(s, "country") !== graph.getNodeAttribute(t, "country"),
        );
        if (edges.length === 0) return;
        const e = edges[pick % edges.length]!;
        const from = graph.getNodeAttribute(graph.source(e), "country")!;
        const to = graph.getNodeAttribute(graph.target(e), "country")!;
        const applied = applyScenario(graph, { name: "cut", cut: [{ from, to }] });
        const fast = singlePointsOfFailure(graph, applied);
        const brute = bruteSinglePoints(graph, applied);
        for (const c of fast.consumers) expect(c.singlePointsOfFailure).toEqual(brute.get(c.id) ?? []);
        expect(scenarioMasks(csrOf(graph), applied).cutsLiveEdges).toBe(true);
      }),
      { numRuns: 400 },
    );
  });

  it("the counts per node are the sums over the full lists (the old per-consumer semantics)", () => {
    fc.assert(
      fc.property(randomSupplyGraphText(9, true), (text) => {
        const graph = graphFromText(text);
        const applied = applyScenario(graph, BASE);
        const fast = singlePointsOfFailure(graph, applied);
        const expected = new Map(fast.nodes.map((n) => [n.id, [0, 0]]));
        for (const [consumer, list] of bruteSinglePoints(graph, applied)) {
          for (const x of list) {
            expected.get(x)![0]! += 1;
            expected.get(x)![1]! += graph.getNodeAttribute(consumer, "demand") ?? 0;
          }
        }
        for (const n of fast.nodes)
          expect([n.consumersCutAlone, n.demandCutAlone]).toEqual(expected.get(n.id));
        for (const c of fast.consumers) expect(c.singlePointsOfFailureOmitted).toBe(0);
      }),
      { numRuns: 300 },
    );
  });
});

/** mine -> r1 -> ... -> rK, and a consumer c_i on every r_i: c_i has i + 1 single points of failure. */
function chainText(k: number): string {
  const lines = ["m [mine AU output=ore]"];
  const pad = (i: number) => String(i).padStart(5, "0");
  for (let i = 1; i <= k; i++) {
    lines.push(`r${pad(i)} [refinery AU output=ore]`, `c${pad(i)} [consumer JP demand=1]`);
    lines.push(`${i === 1 ? "m" : `r${pad(i - 1)}`} -> r${pad(i)}`, `r${pad(i)} -> c${pad(i)}`);
  }
  return lines.join("\n");
}

describe("singlePointsOfFailure on a sole-sourced chain (issue 15: memory)", () => {
  const K = 3000;
  const graph = graphFromText(chainText(K));
  const applied = applyScenario(graph, BASE);

  it("stores one immediate dominator per node: linear, where the sets would hold K²/2 entries", () => {
    const csr = csrOf(graph);
    const masks = scenarioMasks(csr, applied);
    const dom = dominators(csr, masks, supplyMask(csr, masks));
    expect(dom.idoms.length).toBe(2 * K); // every node but the mine: one each
    const cars = csr.ids.filter((id) => id.startsWith("c"));
    const total = cars.reduce((t, id) => t + dom.count[csr.index.get(id)!]!, 0);
    expect(total).toBe((K * (K + 3)) / 2); // Σ (i + 1): what the per-consumer sets held
  });

  it("lists at most maxListed per consumer, the nearest, and counts what it left out", () => {
    const r = singlePointsOfFailure(graph, applied, { maxListed: 100 });
    const last = r.consumers.find((c) => c.id === `c0${K}`)!;
    expect(last.singlePointsOfFailure.length).toBe(100);
    expect(last.singlePointsOfFailureOmitted).toBe(K + 1 - 100);
    // the nearest 100: r_K down to r_(K-99)
    expect(last.singlePointsOfFailure[0]).toBe(`r0${K - 99}`);
    expect(last.singlePointsOfFailure.at(-1)).toBe(`r0${K}`);
    const short = r.consumers.find((c) => c.id === "c00050")!;
    expect(short.singlePointsOfFailure.length).toBe(51);
    expect(short.singlePointsOfFailureOmitted).toBe(0);
    expect(r.consumers.reduce((t, c) => t + c.singlePointsOfFailure.length, 0)).toBeLessThanOrEqual(100 * K);
    // per-node figures do not depend on the listing limit
    const r1 = r.nodes.find((n) => n.id === "r00001")!;
    expect(r1).toEqual({ id: "r00001", consumersCutAlone: K, demandCutAlone: K });
    expect(r.nodes.find((n) => n.id === "m")!.consumersCutAlone).toBe(K);
  });

  it("below the limit the lists are complete (the old semantics)", () => {
    const r = singlePointsOfFailure(graph, applied, { maxListed: Number.POSITIVE_INFINITY });
    const c = r.consumers.find((x) => x.id === "c00003")!;
    expect(c).toEqual({
      id: "c00003",
      singlePointsOfFailure: ["m", "r00001", "r00002", "r00003"],
      singlePointsOfFailureOmitted: 0,
    });
  });
});

describe("singlePointsOfFailure listing limit on a recipe DAG", () => {
  it("cuts whole levels (no cut depends on ids): two sole-sourced materials at the same distance", () => {
    const text = `
      a [metal CN output=A]
      b [metal CN output=B]
      ma [mine CN output=oa]
      mb [mine CN output=ob]
      mag [magnet JP output=mag recipe=A:1,B:1]
      car [consumer JP demand=5]
      ma -> a
      mb -> b
      a -> mag
      b -> mag
      mag -> car
    `;
    const graph = graphFromText(text);
    const applied = applyScenario(graph, BASE);
    const at = (max: number) => singlePointsOfFailure(graph, applied, { maxListed: max }).consumers[0]!;
    expect(at(10)).toMatchObject({
      singlePointsOfFailure: ["a", "b", "ma", "mag", "mb"],
      singlePointsOfFailureOmitted: 0,
    });
    // levels: {mag}, {a, b}, {ma, mb}: 3 or 4 allowed = the first two levels, never one of a and b
    expect(at(4)).toMatchObject({
      singlePointsOfFailure: ["a", "b", "mag"],
      singlePointsOfFailureOmitted: 2,
    });
    expect(at(2)).toMatchObject({ singlePointsOfFailure: ["mag"], singlePointsOfFailureOmitted: 4 });
    const nodes = singlePointsOfFailure(graph, applied).nodes;
    expect(nodes.filter((n) => n.consumersCutAlone > 0).map((n) => n.id)).toEqual([
      "a",
      "b",
      "ma",
      "mag",
      "mb",
    ]);
  });
});
