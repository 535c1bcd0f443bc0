import { describe, expect, it } from "vitest";
import { loadHighs } from "../../src/flow/_solver.js";
import { flowAttackCurves } from "../../src/flow/flow-attack.js";
import { flowChokepoints, rankChokepoints, sweepFlow } from "../../src/flow/flow-chokepoints.js";
import { syntheticGraphJson } from "../../src/generate/synthetic-graph-json.js";
import { syntheticNetwork } from "../../src/generate/synthetic-network.js";
import { checkSerializedGraph } from "../../src/model/graph-checks.js";
import { servedDemand } from "../../src/flow/served-demand.js";
import { applyScenario } from "../../src/scenario/apply-scenario.js";
import { BASELINE_SCENARIO } from "../../src/scenario/types.js";
import { graphFromText } from "../_helpers/graph-from-text.js";
import { TWO_MAKERS } from "./_fixtures.js";

const graph = graphFromText(TWO_MAKERS);
const applied = applyScenario(graph, BASELINE_SCENARIO);

describe("flowChokepoints (N-1)", () => {
  it("ranks every non-consumer node by the served demand its loss costs, ties by id", async () => {
    // served 25 = 20 from mag (Dy/Tb-bound) + 5 from the Dy/Tb-free maker
    const ranking = await flowChokepoints(graph, applied);
    expect(ranking.map((c) => [c.id, c.demandLost, c.shareLost])).toEqual([
      ["ndpr", 25, 0.5],
      ["dytb", 20, 0.4],
      ["mag", 20, 0.4],
      ["free", 5, 0.1],
    ]);
  });

  it("gives the same ranking under every objective here (one consumer: no allocation choice)", async () => {
    for (const objective of ["max-min", "proportional"] as const) {
      const ranking = await flowChokepoints(graph, applied, { objective });
      expect(ranking.map((c) => c.demandLost)).toEqual([25, 20, 20, 5]);
    }
  });

  it("re-solves match fresh solves: the warm start leaves no removed node behind", async () => {
    const sweep = sweepFlow(await loadHighs(), graph, applied, "max-total");
    expect(Array.from(sweep.served)).toEqual([25]);
    expect(sweep.nodes).toEqual(["dytb", "free", "mag", "ndpr"]);
    const fresh: number[] = [];
    for (const id of sweep.nodes) {
      const r = await servedDemand(graph, applyScenario(graph, { name: id, remove: [{ node: id }] }));
      fresh.push(r.totalServed);
    }
    expect(fresh).toEqual([5, 20, 5, 0]);
    sweep.servedWithout.forEach((s, k) => {
      expect(s[0]).toBeCloseTo(fresh[k]!, 9);
    });
  });

  it("reports progress once per re-solve", async () => {
    const calls: number[][] = [];
    await flowChokepoints(graph, applied, { onProgress: (d, t) => calls.push([d, t]) });
    expect(calls).toEqual([
      [1, 4],
      [2, 4],
      [3, 4],
      [4, 4],
    ]);
  });

  it("a scenario without consumers ranks nodes at zero loss", async () => {
    const none = applyScenario(graph, { name: "x", remove: [{ node: "car" }] });
    const ranking = await flowChokepoints(graph, none);
    expect(ranking.every((c) => c.demandLost === 0 && c.shareLost === 0)).toBe(true);
  });
});

const generated = (nodes: number, seed: number) =>
  checkSerializedGraph(JSON.parse([...syntheticGraphJson(syntheticNetwork({ nodes, seed }))].join("")))
    .graph!;
const noChina = { name: "no-china", remove: [{ country: "CN" }] };

describe("flowChokepoints at scale: bound and prune, worker threads", () => {
  it("top k is exactly the first k of the full ranking, and the full ranking is the sweep's", async () => {
    const highs = await loadHighs();
    for (const [seed, scenario] of [
      [4, BASELINE_SCENARIO],
      [5, noChina],
    ] as const) {
      const g = generated(300, seed);
      const a = applyScenario(g, scenario);
      const full = await flowChokepoints(g, a);
      expect(full).toEqual(rankChokepoints(g, sweepFlow(highs, g, a, "max-total")));
      expect(full.filter((c) => c.demandLost > 0).length).toBeGreaterThan(5);
      for (const top of [1, 3, 20]) {
        const solved: number[][] = [];
        const pruned = await flowChokepoints(g, a, { top, onProgress: (d, t) => solved.push([d, t]) });
        expect(pruned).toEqual(full.slice(0, top));
        // pruning solves fewer knockouts than the sweep's one per node that carries flow (the progress total)
        const [done, carrying] = solved.at(-1)!;
        expect(done).toBe(solved.length);
        if (top === 1) expect(done).toBeLessThan(carrying!);
      }
    }
  });

  it("gives the same figures whatever the thread count", async () => {
    const g = generated(400, 6);
    const a = applyScenario(g, noChina);
    const one = await flowChokepoints(g, a, { threads: 1 });
    expect(await flowChokepoints(g, a, { threads: 2 })).toEqual(one);
    expect(await flowChokepoints(g, a, { threads: 3 })).toEqual(one);
    expect(await flowChokepoints(g, a, { threads: 2, top: 10 })).toEqual(one.slice(0, 10));
  });
});

describe("flowAttackCurves", () => {
  it("removes nodes in N-1 order; R is the mean served share over the removal steps", async () => {
    const highs = await loadHighs();
    const ranking = await flowChokepoints(graph, applied);
    const attack = flowAttackCurves(highs, graph, applied, ranking, { randomOrders: 2 });
    expect(attack.nodes).toBe(4);
    const byLoss = attack.curves.find((c) => c.order === "demand-lost")!;
    expect(byLoss.removed).toEqual(["ndpr", "dytb", "mag", "free"]);
    expect(byLoss.servedShare).toEqual([0.5, 0, 0, 0, 0]);
    expect(byLoss.robustness).toBe(0);
    const random = attack.curves.find((c) => c.order === "random")!;
    expect(random.servedShare[0]).toBe(0.5);
    expect(random.servedShare[4]).toBe(0);
    expect(random.robustness).toBeGreaterThanOrEqual(0);
    // deterministic: the same seeds give the same curve
    expect(flowAttackCurves(highs, graph, applied, ranking, { randomOrders: 2 })).toEqual(attack);
  });
});
