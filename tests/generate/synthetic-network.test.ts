import { describe, expect, it } from "vitest";
import { syntheticGraphJson } from "../../src/generate/synthetic-graph-json.js";
import {
  SYNTHETIC_STAGES,
  syntheticNetwork,
  type SyntheticNetworkOptions,
} from "../../src/generate/synthetic-network.js";
import { UsageError } from "../../src/model/errors.js";
import { checkSerializedGraph } from "../../src/model/graph-checks.js";
import type { SupplyGraph } from "../../src/model/types.js";

const text = (options: SyntheticNetworkOptions, chunk?: number) =>
  [...syntheticGraphJson(syntheticNetwork(options), chunk)].join("");

function load(options: SyntheticNetworkOptions): SupplyGraph {
  const result = checkSerializedGraph(JSON.parse(text(options)));
  expect(result.problems).toEqual([]);
  return result.graph!;
}

const graph1k = load({ nodes: 1000, seed: 7 });
const stageIndex = (g: SupplyGraph, v: string) =>
  (SYNTHETIC_STAGES as readonly string[]).indexOf(g.getNodeAttribute(v, "stage"));

describe("syntheticNetwork: invalid options", () => {
  it.each([
    { nodes: 19 },
    { nodes: 1000.5 },
    { edgesPerNode: 1 },
    { soleFrac: -0.1 },
    { recipeFrac: 2 },
    { seed: Number.NaN },
  ])("refuses %o with a UsageError", (options) => {
    expect(() => syntheticNetwork(options)).toThrow(UsageError);
  });
});

describe("syntheticGraphJson", () => {
  it("is byte-identical for the same seed, whatever the chunk size, and differs for another seed", () => {
    const a = text({ nodes: 1000, seed: 7 });
    expect(text({ nodes: 1000, seed: 7 }, 1000)).toBe(a);
    expect(text({ nodes: 1000, seed: 8 })).not.toBe(a);
  });

  it("is a valid graph file with no warnings, sources on every node and edge", () => {
    expect(graph1k.order).toBe(1000);
    expect(graph1k.getAttribute("stages")).toEqual([...SYNTHETIC_STAGES]);
    const source = "synthetic (chokepoint generate, seed 7)";
    graph1k.forEachNode((_, a) => expect(a.sources).toEqual([source]));
    graph1k.forEachEdge((_, a) => expect(a.sources).toEqual([source]));
  });
});

describe("synthetic network structure (1k nodes)", () => {
  it("has five tiers in the anchor shares, every edge one tier down", () => {
    const count = [0, 0, 0, 0, 0];
    graph1k.forEachNode((v) => {
      count[stageIndex(graph1k, v)]!++;
    });
    expect(count).toEqual([50, 100, 150, 200, 500]);
    graph1k.forEachEdge((_, __, s, t) => expect(stageIndex(graph1k, t)).toBe(stageIndex(graph1k, s) + 1));
    graph1k.forEachNode((v, a) => {
      if (a.stage === "mine") expect(graph1k.inDegree(v)).toBe(0);
      else expect(graph1k.inDegree(v)).toBeGreaterThan(0);
      if (a.stage === "consumer") {
        expect(graph1k.outDegree(v)).toBe(0);
        expect(a.demand).toBeGreaterThan(0);
      } else expect(a.capacity).toBeGreaterThan(0);
    });
  });

  it("keeps each material line apart and gives recipe magnet makers both metals", () => {
    let recipes = 0;
    let magnets = 0;
    graph1k.forEachNode((v, a) => {
      const inputs = new Set(graph1k.inNeighbors(v).map((u) => graph1k.getNodeAttribute(u, "output")));
      if (a.stage === "refinery")
        expect([...inputs]).toEqual([a.output === "NdPr-oxide" ? "REO-concentrate" : "HREE-concentrate"]);
      if (a.stage !== "magnet") return;
      magnets++;
      if (a.recipe) {
        recipes++;
        expect(Object.keys(a.recipe).sort()).toEqual(["DyTb-metal", "NdPr-metal"]);
        expect(inputs).toEqual(new Set(["DyTb-metal", "NdPr-metal"]));
      } else expect([...inputs]).toEqual(["NdPr-metal"]);
    });
    expect(recipes / magnets).toBeGreaterThan(0.4);
    expect(recipes / magnets).toBeLessThan(0.6);
  });

  it("sole-sources about 5 % of buyers, so single points of failure exist", () => {
    let buyers = 0;
    let sole = 0;
    graph1k.forEachNode((v, a) => {
      if (a.stage === "mine") return;
      buyers++;
      const perMaterial = a.recipe ? Object.keys(a.recipe).length : 1;
      if (graph1k.inDegree(v) === perMaterial) sole++;
    });
    expect(sole / buyers).toBeGreaterThan(0.02);
    expect(sole / buyers).toBeLessThan(0.08);
    const none = load({ nodes: 1000, seed: 7, soleFrac: 0 });
    none.forEachNode((v, a) => {
      // without sole sourcing every buyer has at least 2 suppliers (a recipe buyer: at least 1 per metal)
      if (a.stage !== "mine") expect(none.inDegree(v)).toBeGreaterThanOrEqual(2);
    });
  });

  it("puts about 35 % of nodes in China, with about 4 suppliers per buyer", () => {
    let cn = 0;
    graph1k.forEachNode((_, a) => {
      if (a.country === "CN") cn++;
    });
    expect(cn / graph1k.order).toBeGreaterThan(0.3);
    expect(cn / graph1k.order).toBeLessThan(0.4);
    const perBuyer = graph1k.size / 950;
    expect(perBuyer).toBeGreaterThan(3.5);
    expect(perBuyer).toBeLessThan(4.2);
  });
});
