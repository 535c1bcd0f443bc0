import fc from "fast-check";
import { DirectedGraph } from "graphology";
import { dijkstra } from "graphology-shortest-path";
import { describe, expect, it } from "vitest";
import { routes } from "../../src/analysis/routes.js";
import { applyScenario } from "../../src/scenario/apply-scenario.js";
import { bruteSupplied } from "../_helpers/brute-supply.js";
import { graphFromText } from "../_helpers/graph-from-text.js";
import { randomSupplyGraphText } from "../_helpers/random-supply-graph.js";

const TEXT = `
  cn [mine CN output=ore]
  au [mine AU output=ore]
  ref-cn [refinery CN output=ox]
  ref-my [refinery MY output=ox]
  car [consumer JP demand=1]
  cn -> ref-cn leadTimeDays=10
  ref-cn -> car leadTimeDays=20
  au -> ref-my leadTimeDays=60
  ref-my -> car
`;

describe("routes", () => {
  it("empty graph", () => {
    const graph = graphFromText("");
    expect(routes(graph, applyScenario(graph, { name: "b" }))).toEqual({
      defaultLeadTimeDays: 30,
      consumers: [],
    });
  });

  it("fastest route before, the detour after the scenario; missing lead times default to 30 days", () => {
    const graph = graphFromText(TEXT);
    const r = routes(graph, applyScenario(graph, { name: "x", remove: [{ country: "CN" }] }));
    expect(r.consumers).toEqual([
      {
        id: "car",
        before: { leadTimeDays: 30, path: ["cn", "ref-cn", "car"] },
        after: { leadTimeDays: 90, path: ["au", "ref-my", "car"] },
      },
    ]);
  });

  it("zero-day cycles: ties go to the smaller id and the path never loops", () => {
    const graph = graphFromText(`
      m [mine AU output=ore]
      b [refinery AU output=ore]
      a [refinery AU output=ore]
      car [consumer JP demand=1]
      m -> b leadTimeDays=0
      b -> a leadTimeDays=0
      a -> b leadTimeDays=0
      m -> a leadTimeDays=0
      a -> car leadTimeDays=0
      b -> car leadTimeDays=0
    `);
    const r = routes(graph, applyScenario(graph, { name: "b" }));
    expect(r.consumers[0]!.after).toEqual({ leadTimeDays: 0, path: ["m", "a", "car"] });
  });

  it("null when no route is left", () => {
    const graph = graphFromText(TEXT);
    const r = routes(graph, applyScenario(graph, { name: "x", cut: [{ from: "*", to: "JP" }] }));
    expect(r.consumers[0]!.after).toBeNull();
  });

  it("lead times equal graphology-shortest-path's Dijkstra over the supplied subgraph", () => {
    fc.assert(
      fc.property(randomSupplyGraphText(9, true), (text) => {
        const graph = graphFromText(text);
        const applied = applyScenario(graph, { name: "b" });
        const supplied = bruteSupplied(graph, applied);
        const sub = new DirectedGraph();
        for (const v of supplied) sub.addNode(v);
        graph.forEachEdge((_e, a, s, t) => {
          const recipe = graph.getNodeAttribute(t, "recipe");
          const material = graph.getNodeAttribute(s, "output")!;
          if (supplied.has(s) && supplied.has(t) && (!recipe || material in recipe) && graph.inDegree(t) > 0)
            sub.addEdge(s, t, { w: a.leadTimeDays ?? 30 });
        });
        const sources = sub.filterNodes((v) => graph.inDegree(v) === 0);
        const r = routes(graph, applied);
        for (const c of r.consumers) {
          let best = Number.POSITIVE_INFINITY;
          for (const s of sub.hasNode(c.id) ? sources : []) {
            const path = dijkstra.bidirectional(sub, s, c.id, "w");
            if (!path) continue;
            let days = 0;
            for (let i = 1; i < path.length; i++) days += sub.getEdgeAttribute(path[i - 1], path[i], "w");
            best = Math.min(best, days);
          }
          expect(c.after?.leadTimeDays ?? Number.POSITIVE_INFINITY).toBe(best);
          expect(c.before).toEqual(c.after);
        }
      }),
      { numRuns: 200 },
    );
  });
});
