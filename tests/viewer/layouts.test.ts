import { describe, expect, test } from "vitest";
import { graphFromText } from "../_helpers/graph-from-text.js";
import { mapLayout, SPREAD_DISTANCE, spreadApart } from "../../viewer/src/layouts/map.js";
import { forceRequest } from "../../viewer/src/layouts/force.js";
import { COLUMN_GAP, tierCaptions, tiersLayout } from "../../viewer/src/layouts/tiers.js";
import { Layouts } from "../../viewer/src/layouts/layouts.js";
import { buildEncodings } from "../../viewer/src/encodings.js";
import { searchNodes } from "../../viewer/src/panels/search.js";
import { aggregateByCountryStage, drillDown } from "../../viewer/src/aggregate.js";
import { checkGraphBytesParts } from "../../src/io/parse-graph.js";

const graph = graphFromText(`
  a [mine CN lat=40 lon=110 output=ore]
  b [mine CN lat=40 lon=110 output=ore]
  c [mine CN lat=40 lon=110 output=ore]
  r [refinery JP lat=35 lon=139 output=ox]
  x [consumer US demand=3]
  a -> r volume=1
  b -> r volume=1
  c -> r volume=1
  r -> x volume=3
`);

describe("map layout", () => {
  test("plants at the same place are spread at least SPREAD_DISTANCE apart, deterministically", () => {
    const p = mapLayout(graph);
    const pts = ["a", "b", "c"].map((id) => p.get(id)!);
    for (let i = 0; i < pts.length; i++)
      for (let j = i + 1; j < pts.length; j++)
        expect(Math.hypot(pts[i]!.x - pts[j]!.x, pts[i]!.y - pts[j]!.y)).toBeGreaterThanOrEqual(
          SPREAD_DISTANCE - 1e-9,
        );
    expect(mapLayout(graph)).toEqual(p);
  });

  test("the first plant (by id) keeps its true position; east is right, north is up", () => {
    const p = mapLayout(graph);
    const a = p.get("a")!;
    const r = p.get("r")!;
    expect(r.x).toBeGreaterThan(a.x); // Japan east of Inner Mongolia
    expect(r.y).toBeLessThan(a.y); // 35°N south of 40°N: lower y in sigma's y-up space
  });

  test("nodes without coordinates line up east of the map", () => {
    const p = mapLayout(graph);
    expect(p.get("x")!.x).toBeGreaterThan(960);
    for (const v of p.values()) expect(Number.isFinite(v.x) && Number.isFinite(v.y)).toBe(true);
  });

  test("spreadApart leaves points that are already apart where they are", () => {
    const p = spreadApart([
      { id: "p", x: 0, y: 0 },
      { id: "q", x: 100, y: 0 },
    ]);
    expect(p.get("p")).toEqual({ x: 0, y: -0 });
    expect(p.get("q")).toEqual({ x: 100, y: -0 });
  });
});

describe("tiers layout", () => {
  test("one column per stage in the graph's stage order", () => {
    const p = tiersLayout(graph, ["CN", "JP", "US"]);
    expect(p.get("a")!.x).toBe(0);
    const stages = graph.getAttribute("stages");
    expect(p.get("r")!.x).toBe(stages.indexOf("refinery") * COLUMN_GAP);
    expect(p.get("x")!.x).toBe(stages.indexOf("consumer") * COLUMN_GAP);
    expect(new Set(["a", "b", "c"].map((id) => p.get(id)!.y)).size).toBe(3);
  });

  test("keeps a readable aspect at every size: tall columns wrap into sub-columns, no vertical line", () => {
    for (const n of [30, 1000, 10_000]) {
      const lines: string[] = [];
      const countries = ["CN", "AU", "US", "JP", "MY"];
      for (let i = 0; i < n; i++) {
        const stage = i % 10 < 2 ? "mine" : i % 10 < 4 ? "refinery" : "consumer";
        const extra = stage === "consumer" ? " demand=1" : " output=ore";
        lines.push(`n${i} [${stage} ${countries[i % 5]}${extra}]`);
      }
      const big = graphFromText(lines.join("\n"));
      const p = tiersLayout(big, countries);
      const xs = [...p.values()].map((q) => q.x);
      const ys = [...p.values()].map((q) => q.y);
      const aspect = (Math.max(...ys) - Math.min(...ys)) / (Math.max(...xs) - Math.min(...xs));
      expect(aspect, `n = ${n}`).toBeGreaterThan(0.3);
      expect(aspect, `n = ${n}`).toBeLessThan(1.2);
      // stages stay in order left to right: every mine left of every refinery left of every consumer
      const right = (stage: string) =>
        Math.max(...big.filterNodes((_, a) => a.stage === stage).map((id) => p.get(id)!.x));
      const left = (stage: string) =>
        Math.min(...big.filterNodes((_, a) => a.stage === stage).map((id) => p.get(id)!.x));
      expect(right("mine")).toBeLessThan(left("refinery"));
      expect(right("refinery")).toBeLessThan(left("consumer"));
      // no two nodes on one spot
      expect(new Set([...p.values()].map((q) => `${q.x},${q.y}`)).size).toBe(n);
    }
  });
});

test("force request: every node and edge, weights from volume", () => {
  const req = forceRequest(graph, tiersLayout(graph, []));
  expect(req.nodes.length).toBe(graph.order);
  expect(req.edges.length).toBe(graph.size);
  expect(req.edges.every(([, , w]) => w >= 1)).toBe(true);
});

test("search: label prefix first, then substring, then id", () => {
  const g = graphFromText(`
    t [consumer JP demand=1 label=Toyota]
    s [consumer JP demand=1 label=Big-Toyota-supplier]
    toy-x [consumer JP demand=1 label=Other]
  `);
  expect(searchNodes(g, "toy")).toEqual(["t", "s", "toy-x"]);
  expect(searchNodes(g, "  ")).toEqual([]);
});

test("aggregate: one node per country and stage, volumes and capacities summed", () => {
  const agg = aggregateByCountryStage(graph);
  expect(agg.order).toBe(3);
  expect(agg.getEdgeAttribute("CN|mine->JP|refinery", "volume")).toBe(3);
  const g = graphFromText(`
    a [mine CN capacity=5 output=ore]
    b [mine CN capacity=7 output=ore]
    c [refinery JP capacity=2 output=ox]
    d [refinery JP output=ox]
  `);
  const two = aggregateByCountryStage(g);
  expect(two.getNodeAttribute("CN|mine", "capacity")).toBe(12);
  // one member without a limit: the group has none
  expect(two.getNodeAttribute("JP|refinery", "capacity")).toBeUndefined();
});

test("drill-down: a super-node's members with their direct partners and the edges among them", () => {
  const sub = drillDown(graph, "CN|mine")!;
  expect(sub.nodes()).toEqual(["a", "b", "c", "r"]);
  expect(sub.edges().sort()).toEqual(["a->r", "b->r", "c->r"]);
  expect(sub.getNodeAttributes("r")).toEqual(graph.getNodeAttributes("r"));
  // the refinery's group reaches one hop both ways: its three suppliers and its consumer
  expect(drillDown(graph, "JP|refinery")!.order).toBe(5);
  expect(drillDown(graph, "FR|mine")).toBeNull();
  // the same graph whatever the file order
  const reversed = graphFromText(`
  x [consumer US demand=3]
  r [refinery JP lat=35 lon=139 output=ox]
  c [mine CN lat=40 lon=110 output=ore]
  b [mine CN lat=40 lon=110 output=ore]
  a [mine CN lat=40 lon=110 output=ore]
  r -> x volume=3
  c -> r volume=1
  b -> r volume=1
  a -> r volume=1
`);
  expect(drillDown(reversed, "CN|mine")!.nodes()).toEqual(sub.nodes());
});

test("aggregate and drill-down read a checked file's parts (the loader worker's) as they read its graph", () => {
  const result = checkGraphBytesParts(new TextEncoder().encode(JSON.stringify(graph.export())));
  expect(result.problems.filter((p) => p.severity === "error")).toEqual([]);
  const parts = result.parts!;
  expect(aggregateByCountryStage(parts).export()).toEqual(aggregateByCountryStage(graph).export());
  for (const group of ["CN|mine", "JP|refinery", "US|consumer"])
    expect(drillDown(parts, group)!.export()).toEqual(drillDown(graph, group)!.export());
});

describe("Layouts: one graph's positions, each computed when first asked for", () => {
  test("tiers and map are the layout functions' positions; force only once handed in", () => {
    const encodings = buildEncodings(graph);
    const layouts = new Layouts(graph, encodings);
    const tiers = tiersLayout(
      graph,
      encodings.countries.map((c) => c.country),
    );
    expect(layouts.tiers()).toEqual(tiers);
    expect(layouts.get("tiers")).toBe(layouts.tiers());
    expect(layouts.captions()).toEqual(tierCaptions(graph, tiers));
    expect(layouts.get("map")).toEqual(mapLayout(graph));
    expect(layouts.get("force")).toBeUndefined();
    layouts.setForce(tiers);
    expect(layouts.get("force")).toBe(tiers);
    expect(layouts.located()).toBe(true);
  });

  test("a graph without coordinates is not located", () => {
    const flat = graphFromText(`
      a [mine CN output=ore]
      x [consumer US demand=1]
      a -> x volume=1
    `);
    expect(new Layouts(flat, buildEncodings(flat)).located()).toBe(false);
  });
});
