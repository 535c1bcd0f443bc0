import { describe, expect, test } from "vitest";
import { graphFromText } from "../_helpers/graph-from-text.js";
import { type AnalysisView, toAnalysisView } from "../../viewer/src/analysis-view.js";
import { buildEncodings, countryColor, materialColor, sqrtScale } from "../../viewer/src/encodings.js";
import {
  chokepointSet,
  edgeAppearance,
  focusOf,
  NO_FOCUS,
  nodeAppearance,
  type ReducerContext,
  routeEdges,
} from "../../viewer/src/reducers.js";
import {
  FADED_EDGE_COLOR,
  FADED_NODE_COLOR,
  FIXED_COUNTRY_COLORS,
  materialClass,
  ROUTE_EDGE_COLOR,
} from "../../viewer/src/settings.js";
import { DEFAULT_STATE, select } from "../../viewer/src/state.js";

const graph = graphFromText(`
  mine-cn [mine CN output=REO-concentrate capacity=100]
  mine-au [mine AU output=REO-concentrate capacity=20]
  ref [refinery MY output=NdPr-oxide]
  mag [magnet JP output=NdFeB-magnet capacity=50]
  car [consumer JP demand=10]
  wind [consumer DE demand=5]
  mine-cn -> ref volume=80
  mine-au -> ref volume=20
  ref -> mag volume=40
  mag -> car volume=10
  mag -> wind volume=5
`);

function analysis(partial: Partial<Parameters<typeof toAnalysisView>[0]> = {}): AnalysisView {
  return toAnalysisView({
    scenarioName: "test",
    nodeOut: [],
    removed: [],
    edgeOut: [],
    consumers: [],
    cutOff: [],
    chokepoints: [],
    countries: [],
    notes: [],
    originCuts: [],
    complete: true,
    centrality: {},
    ...partial,
  });
}

function ctx(over: Partial<ReducerContext> = {}): ReducerContext {
  return {
    graph,
    state: DEFAULT_STATE,
    encodings: buildEncodings(graph),
    analysis: null,
    hovered: null,
    focus: NO_FOCUS,
    matches: new Set(),
    ...over,
  };
}

const edge = (s: string, t: string) => graph.edge(s, t)!;

describe("encodings", () => {
  test("fixed colours for the countries analysts compare, distinct colours for the rest", () => {
    const enc = buildEncodings(graph);
    expect(countryColor(enc, "CN")).toBe(FIXED_COUNTRY_COLORS.CN);
    expect(countryColor(enc, "JP")).toBe(FIXED_COUNTRY_COLORS.JP);
    const colors = enc.countries.map((c) => countryColor(enc, c.country));
    expect(new Set(colors).size).toBe(colors.length);
  });

  test("legend order: most nodes first, ties by code", () => {
    expect(buildEncodings(graph).countries.map((c) => c.country)).toEqual(["JP", "AU", "CN", "DE", "MY"]);
  });

  test("sizes grow with the square root of capacity (area ∝ value)", () => {
    const enc = buildEncodings(graph);
    const big = enc.sizes.capacity.get("mine-cn")!;
    const small = enc.sizes.capacity.get("mine-au")!;
    expect(big).toBeGreaterThan(small);
    expect(sqrtScale(25, 100, { min: 0, max: 10 })).toBeCloseTo(5);
    expect(sqrtScale(0, 100, { min: 2, max: 10 })).toBe(2);
    expect(sqrtScale(5, 0, { min: 2, max: 10 })).toBe(2);
  });

  test("materials: light, heavy and magnets get their own colours", () => {
    expect(materialClass("NdPr-oxide")).toBe("light");
    expect(materialClass("REO-concentrate")).toBe("light");
    expect(materialClass("DyTb-metal")).toBe("heavy");
    expect(materialClass("HREE-concentrate")).toBe("heavy");
    expect(materialClass("NdFeB-magnet")).toBe("magnet");
    expect(materialClass("copper")).toBe("other");
    expect(new Set(["NdPr-oxide", "DyTb-oxide", "NdFeB-magnet"].map(materialColor)).size).toBe(3);
  });
});

describe("nodeAppearance", () => {
  test("derives colour and size without touching the graph", () => {
    const before = JSON.stringify(graph.export());
    const a = nodeAppearance(ctx(), "mine-cn");
    expect(a.color).toBe(FIXED_COUNTRY_COLORS.CN);
    expect(a.label).toBe("mine-cn");
    expect(JSON.stringify(graph.export())).toBe(before);
  });

  test("removed nodes are faded and pushed back", () => {
    const a = nodeAppearance(
      ctx({ analysis: analysis({ nodeOut: ["mine-cn"], removed: ["mine-cn"] }) }),
      "mine-cn",
    );
    expect(a.color).toBe(FADED_NODE_COLOR);
    expect(a.zIndex).toBe(0);
    expect(a.label).toBeNull();
  });

  test("colour by stage", () => {
    const enc = buildEncodings(graph);
    const a = nodeAppearance(ctx({ state: { ...DEFAULT_STATE, colorBy: "stage" } }), "ref");
    expect(a.color).toBe(enc.stageColors.get("refinery"));
  });

  test("the selected node is highlighted and labelled; nodes outside the focus fade", () => {
    const state = select(DEFAULT_STATE, "car");
    const an = analysis({
      consumers: [
        {
          id: "car",
          demand: 10,
          supplied: true,
          missing: [],
          singlePointsOfFailure: ["mag", "ref"],
          countryFailureSets: [["JP"]],
          minFailures: 1,
          route: ["mine-cn", "ref", "mag", "car"],
          routeBefore: ["mine-cn", "ref", "mag", "car"],
          leadTimeDays: 90,
          served: 10,
          servedFraction: 1,
          timeToSurviveDays: null,
        },
      ],
    });
    const focus = focusOf(graph, an, "car");
    expect([...focus.nodes].sort()).toEqual(["car", "mag", "mine-au", "mine-cn", "ref"]);
    const c = ctx({ state, analysis: an, focus });
    expect(nodeAppearance(c, "car")).toMatchObject({ highlighted: true, forceLabel: true });
    expect(nodeAppearance(c, "wind").color).toBe(FADED_NODE_COLOR);
    const route = routeEdges(graph, an.consumers.get("car")!.route);
    expect(route).toEqual(new Set([edge("mine-cn", "ref"), edge("ref", "mag"), edge("mag", "car")]));
    expect(edgeAppearance(c, edge("ref", "mag"), route).color).toBe(ROUTE_EDGE_COLOR);
    expect(edgeAppearance(c, edge("mag", "wind"), route).color).toBe(FADED_EDGE_COLOR);
  });

  test("focus on a non-consumer: its direct neighbours", () => {
    const focus = focusOf(graph, analysis(), "ref");
    expect([...focus.nodes].sort()).toEqual(["mag", "mine-au", "mine-cn", "ref"]);
    expect(focusOf(graph, analysis(), null)).toBe(NO_FOCUS);
    expect(focusOf(graph, analysis(), "no-such-node")).toBe(NO_FOCUS);
  });
});

describe("edgeAppearance", () => {
  test("colour by the source's material; width by volume", () => {
    const light = edgeAppearance(ctx(), edge("mine-cn", "ref"), new Set());
    const magnet = edgeAppearance(ctx(), edge("mag", "car"), new Set());
    expect(light.color).toBe(materialColor("REO-concentrate"));
    expect(magnet.color).toBe(materialColor("NdFeB-magnet"));
    expect(light.size!).toBeGreaterThan(magnet.size!);
  });

  test("a cut edge is faded; edges of removed nodes are hidden", () => {
    const cut = edge("mine-au", "ref");
    const gone = edge("mine-cn", "ref");
    const an = analysis({ nodeOut: ["mine-cn"], removed: ["mine-cn"], edgeOut: [cut, gone] });
    expect(edgeAppearance(ctx({ analysis: an }), cut, new Set())).toMatchObject({
      color: FADED_EDGE_COLOR,
      hidden: false,
    });
    expect(edgeAppearance(ctx({ analysis: an }), gone, new Set()).hidden).toBe(true);
  });
});

test("chokepointSet: only nodes that cut something off, in rank order", () => {
  const an = analysis({
    chokepoints: [
      { id: "mag", consumersCut: 2, demandCut: 15, demandLost: null },
      { id: "ref", consumersCut: 2, demandCut: 15, demandLost: null },
      { id: "mine-au", consumersCut: 0, demandCut: 0, demandLost: 0 },
    ],
  });
  expect([...chokepointSet(an)]).toEqual(["mag", "ref"]);
  expect(chokepointSet(null).size).toBe(0);
});
