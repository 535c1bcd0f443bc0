/**
 * A small graph that uses every attribute of the format (recipes, lists, stockpiles, planned facilities,
 * coordinates, an extra attribute, awkward text), for round-trip tests until the bundled graphs land.
 */
import { checkSerializedGraph } from "../../../src/model/graph-checks.js";
import type { SupplyGraph } from "../../../src/model/types.js";

export const RICH_SERIALIZED = {
  attributes: {
    name: "rich test graph",
    year: 2025,
    stages: ["mine", "recycling", "stockpile", "refinery", "metal", "magnet", "consumer"],
    importStages: ["refinery", "metal"],
    units: "t/yr",
    currency: "USD",
    sources: ["USGS MCS 2025; table 3", "IEA 2024 \\ critical minerals"],
    notes: "line one\nline two",
  },
  options: { type: "directed", multi: false, allowSelfLoops: false },
  nodes: [
    {
      key: "0012",
      attributes: {
        label: "Bayan Obo",
        stage: "mine",
        country: "CN",
        operator: "Baotou Steel",
        lat: 41.78,
        lon: 109.97,
        capacity: 120000,
        output: "REO-concentrate",
        recoveryDays: 90,
        status: "operating",
        since: 1957,
        sources: ["USGS MCS 2025"],
      },
    },
    {
      key: "mt-pass",
      attributes: {
        label: '=HYPERLINK("x") Mountain Pass',
        stage: "mine",
        country: "US",
        capacity: 45000.5,
        output: "REO-concentrate",
        notes: "-5 t flagged",
      },
    },
    {
      key: "ref-a",
      attributes: {
        label: 'Refinery "A", Baotou; <main> & co',
        stage: "refinery",
        country: "CN",
        capacity: 90000,
        output: "NdPr-oxide",
        recipe: { "REO-concentrate": 1.25 },
      },
    },
    {
      key: "ref-planned",
      attributes: {
        label: "'Planned refinery",
        stage: "refinery",
        country: "FR",
        output: "NdPr-oxide",
        status: "planned",
        since: 2027,
        capacity: 5000,
      },
    },
    {
      key: "metal-a",
      attributes: {
        label: "Metal A",
        stage: "metal",
        country: "CN",
        output: "NdPr-metal",
        recipe: { "NdPr-oxide": 1.1 },
      },
    },
    {
      key: "magnet-a",
      attributes: {
        label: "Magnet maker A",
        stage: "magnet",
        country: "JP",
        output: "NdFeB-magnet",
        recipe: { "NdPr-metal": 0.3 },
        capacity: 20000,
        ranges: {
          capacity: { low: 15000, high: 24000, why: 'plant "B" <ramp-up>; 2024 & 2025' },
          "recipe.NdPr-metal": { low: 0.28, high: 0.32 },
        },
        certified: true,
        tier: 2,
      },
    },
    {
      key: "stock-jp",
      attributes: {
        label: "JOGMEC stockpile",
        stage: "stockpile",
        country: "JP",
        output: "NdPr-oxide",
        stock: 300,
      },
    },
    {
      key: "car-maker",
      attributes: {
        label: "Automaker @ Toyota",
        stage: "consumer",
        country: "JP",
        demand: 1500,
        stockpileDays: 60,
        valuePerYear: 5.5e9,
      },
    },
  ],
  edges: [
    {
      source: "0012",
      target: "ref-a",
      attributes: {
        volume: 80000,
        capacity: 100000,
        leadTimeDays: 30,
        sources: ["a;b", "c"],
        ranges: { volume: { low: 60000, high: 80000 }, leadTimeDays: { low: 20, high: 45, why: "a;b" } },
      },
    },
    { source: "mt-pass", target: "ref-a", attributes: { volume: 1e-7 } },
    { source: "mt-pass", target: "ref-planned", attributes: {} },
    { source: "ref-a", target: "metal-a", attributes: { volume: 70000.25, notes: "tab\there" } },
    { key: "main-line", source: "metal-a", target: "magnet-a", attributes: { volume: 18000 } },
    { source: "magnet-a", target: "car-maker", attributes: { volume: 1500 } },
  ],
};

/** The rich graph, validated. */
export function richGraph(): SupplyGraph {
  const r = checkSerializedGraph(structuredClone(RICH_SERIALIZED));
  if (!r.graph) throw new Error(JSON.stringify(r.problems, null, 1));
  return r.graph;
}

/** Everything that identifies a graph's content, for equality in round trips (order-independent). */
export function contentOf(graph: SupplyGraph) {
  return {
    attributes: graph.getAttributes(),
    nodes: Object.fromEntries(graph.mapNodes((k, a) => [k, a])),
    edges: Object.fromEntries(graph.mapEdges((k, a, s, t) => [k, { s, t, a }])),
  };
}
