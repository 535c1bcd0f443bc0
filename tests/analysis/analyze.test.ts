import { describe, expect, it } from "vitest";
import { analyze } from "../../src/analysis/analyze.js";
import { applyScenario } from "../../src/scenario/apply-scenario.js";
import { graphFromText } from "../_helpers/graph-from-text.js";

const TEXT = `
  cn [mine CN output=ore]
  au [mine AU output=ore]
  ref [refinery MY output=ox]
  big [consumer JP demand=10]
  small [consumer US demand=1]
  cn -> ref
  au -> ref
  ref -> big leadTimeDays=5
  ref -> small
`;

describe("analyze", () => {
  it("empty graph: an empty, well-formed result", () => {
    const graph = graphFromText("");
    const r = analyze(graph, applyScenario(graph, { name: "b" }));
    expect(r.schema).toBe(1);
    expect(r.consumers).toEqual([]);
    expect(r.nodes).toEqual([]);
    expect(r.unsupplied).toEqual([]);
  });

  it("composes every analysis per consumer, ids sorted", () => {
    const graph = graphFromText(TEXT);
    const r = analyze(graph, applyScenario(graph, { name: "x", remove: [{ node: "cn" }] }));
    expect(r.scenario).toEqual({
      name: "x",
      description: null,
      removedNodes: ["cn"],
      excludedNodes: [],
      removedEdges: [],
      originCuts: [],
    });
    expect(r.consumers.map((c) => c.id)).toEqual(["big", "small"]);
    expect(r.consumers[0]).toEqual({
      id: "big",
      label: "big",
      country: "JP",
      demand: 10,
      supplied: true,
      missing: [],
      singlePointsOfFailure: ["au", "ref"],
      singlePointsOfFailureOmitted: 0,
      countryFailureSets: [["AU"], ["MY"]],
      minFailures: 1,
      route: {
        before: { leadTimeDays: 35, path: ["au", "ref", "big"] },
        after: { leadTimeDays: 35, path: ["au", "ref", "big"] },
      },
    });
    expect(r.nodes.find((n) => n.id === "ref")).toMatchObject({ consumersCutAlone: 2, demandCutAlone: 11 });
    expect(r.limits.detailedConsumers).toBeNull();
  });

  it("a scenario that removes everything: no consumer left, nothing supplied", () => {
    const graph = graphFromText(TEXT);
    const all = ["CN", "AU", "MY", "JP", "US"].map((country) => ({ country }));
    const r = analyze(graph, applyScenario(graph, { name: "all", remove: all }));
    expect(r.consumers).toEqual([]);
    expect(r.attack.totalDemand).toBe(0);
    expect(r.nodes.every((n) => n.consumersCutAlone === 0 && n.betweenness === 0)).toBe(true);
  });

  it("large graphs: country sets and fewest failures only for the largest consumers, and it says so", () => {
    const graph = graphFromText(TEXT);
    const r = analyze(graph, applyScenario(graph, { name: "b" }), {
      largeGraphNodes: 2,
      detailedConsumers: 1,
    });
    expect(r.limits.largeGraph).toBe(true);
    expect(r.limits.detailedConsumers).toEqual(["big"]);
    expect(r.limits.betweennessSampledPivots).not.toBeNull();
    const small = r.consumers.find((c) => c.id === "small")!;
    expect(small.countryFailureSets).toBeNull();
    expect(small.minFailures).toBeNull();
  });
});
