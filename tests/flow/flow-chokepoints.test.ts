import { describe, expect, it } from "vitest";
import { loadHighs } from "../../src/flow/_solver.js";
import { flowAttackCurves } from "../../src/flow/flow-attack.js";
import { flowChokepoints, sweepFlow } from "../../src/flow/flow-chokepoints.js";
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
