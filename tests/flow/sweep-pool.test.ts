import { describe, expect, it } from "vitest";
import { sweepFlowThreads } from "../../src/flow/_sweep-pool.js";
import { loadHighs } from "../../src/flow/_solver.js";
import { sweepFlow } from "../../src/flow/flow-chokepoints.js";
import { syntheticGraphJson } from "../../src/generate/synthetic-graph-json.js";
import { syntheticNetwork } from "../../src/generate/synthetic-network.js";
import { checkSerializedGraph } from "../../src/model/graph-checks.js";
import { applyScenario } from "../../src/scenario/apply-scenario.js";
import { BASELINE_SCENARIO } from "../../src/scenario/types.js";
import { graphFromText } from "../_helpers/graph-from-text.js";
import { TWO_MAKERS } from "./_fixtures.js";

const generated = (nodes: number, seed: number) =>
  checkSerializedGraph(JSON.parse([...syntheticGraphJson(syntheticNetwork({ nodes, seed }))].join("")))
    .graph!;

describe("the N-1 sweep on worker threads", () => {
  it("hand-checked chain: the same sweep as one thread", async () => {
    const highs = await loadHighs();
    const graph = graphFromText(TWO_MAKERS);
    const applied = applyScenario(graph, BASELINE_SCENARIO);
    const two = await sweepFlowThreads(highs, graph, applied, "max-total", 2);
    // without dytb only the Dy/Tb-free maker's 5, without free 20, without mag 5, without ndpr 0
    expect(two.nodes).toEqual(["dytb", "free", "mag", "ndpr"]);
    expect(Array.from(two.totalWithout, (x) => Number(x.toFixed(9)))).toEqual([5, 20, 5, 0]);
    expect(two).toEqual(sweepFlow(highs, graph, applied, "max-total"));
  });

  it("gives the same bits on 1, 2 and 3 threads (generated graphs, max-total and max-min)", async () => {
    const highs = await loadHighs();
    for (const [seed, objective] of [
      [9, "max-total"],
      [10, "max-min"],
    ] as const) {
      const graph = generated(250, seed);
      const applied = applyScenario(graph, { name: "no-china", remove: [{ country: "CN" }] });
      const one = sweepFlow(highs, graph, applied, objective);
      expect(one.servedWithout.some((s) => s !== one.served)).toBe(true);
      for (const threads of [2, 3]) {
        const progress: number[] = [];
        const many = await sweepFlowThreads(highs, graph, applied, objective, threads, (d) =>
          progress.push(d),
        );
        expect(many).toEqual(one);
        expect(progress.at(-1)).toBe(one.nodes.length);
      }
    }
  });
});
