import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { csrOf, scenarioMasks } from "../../src/analysis/_csr.js";
import { dagTree, dijkstraTree, fastestTreeOf } from "../../src/analysis/_fastest-tree.js";
import { suppliedTopologicalOrder } from "../../src/analysis/_supplied-order.js";
import { supplyMask } from "../../src/analysis/supply.js";
import { applyScenario } from "../../src/scenario/apply-scenario.js";
import { graphFromText } from "../_helpers/graph-from-text.js";
import { randomSupplyGraphText } from "../_helpers/random-supply-graph.js";

/** The random graph text with its edges' lead times replaced by `days` (in order; cycled), to force ties and zeros. */
const withLeadTimes = (text: string, days: number[]) => {
  let k = 0;
  return text.replace(/leadTimeDays=\d+/g, () => `leadTimeDays=${days[k++ % days.length]}`);
};

function treesOf(text: string, remove: string[] = []) {
  const graph = graphFromText(text);
  const csr = csrOf(graph);
  const present = remove.filter((node) => graph.hasNode(node));
  const applied = applyScenario(graph, { name: "x", remove: present.map((node) => ({ node })) });
  const masks = scenarioMasks(csr, applied);
  const runner = supplyMask(csr, masks);
  const order = suppliedTopologicalOrder(csr, masks, runner);
  return {
    csr,
    order,
    dag: order && dagTree(csr, masks, runner.supplied, order, 30),
    dijkstra: dijkstraTree(csr, masks, runner.supplied, 30),
    chosen: fastestTreeOf(csr, masks, runner, 30),
  };
}

describe("fastest-route trees", () => {
  it("ties go to the smaller predecessor id on a DAG, as in Dijkstra", () => {
    const { csr, dag, dijkstra } = treesOf(`
      m1 [mine AU output=ore]
      m2 [mine AU output=ore]
      b [refinery AU output=ox]
      a [refinery AU output=ox]
      car [consumer JP demand=1]
      m1 -> b leadTimeDays=5
      m2 -> a leadTimeDays=2
      m1 -> a leadTimeDays=3
      b -> car leadTimeDays=1
      a -> car leadTimeDays=4
    `);
    const car = csr.index.get("car")!;
    expect(dag).not.toBeNull();
    // both routes take 6 days: a (index 0) wins over b
    expect(dag!.dist[car]).toBe(6);
    expect(csr.ids[csr.edgeSource[dag!.pred[car]!]!]).toBe("a");
    expect(dag).toEqual(dijkstra);
  });

  it("a zero-day edge or a cycle leaves it to Dijkstra", () => {
    const zero = treesOf(`
      m [mine AU output=ore]
      a [refinery AU output=ore]
      car [consumer JP demand=1]
      m -> a leadTimeDays=0
      a -> car leadTimeDays=1
    `);
    expect(zero.order).not.toBeNull();
    expect(zero.dag).toBeNull();
    const cyclic = treesOf(`
      m [mine AU output=ore]
      a [refinery AU output=ore]
      b [refinery AU output=ore]
      car [consumer JP demand=1]
      m -> a leadTimeDays=1
      a -> b leadTimeDays=1
      b -> a leadTimeDays=1
      b -> car leadTimeDays=1
    `);
    expect(cyclic.order).toBeNull();
    expect(cyclic.chosen).toEqual(cyclic.dijkstra);
  });

  it("equals Dijkstra's tree (distances and predecessor edges) on random graphs with many ties", () => {
    let dagRuns = 0;
    fc.assert(
      fc.property(
        randomSupplyGraphText(10, true),
        fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 1, maxLength: 30 }),
        fc.boolean(),
        fc.array(fc.nat(9), { maxLength: 2 }),
        (text, drawn, positive, removed) => {
          const days = positive ? drawn.map((d) => d || 1) : drawn;
          const t = treesOf(
            withLeadTimes(text, days),
            removed.map((i) => `n${i}`),
          );
          expect(t.chosen).toEqual(t.dijkstra);
          if (t.order !== null && positive) {
            expect(t.dag).toEqual(t.dijkstra);
            dagRuns++;
          }
        },
      ),
      { numRuns: 400 },
    );
    // the DAG path must really have been compared, not skipped every time
    expect(dagRuns).toBeGreaterThan(50);
  });
});
