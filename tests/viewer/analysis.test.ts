import { describe, expect, test } from "vitest";
import { graphFromText } from "../_helpers/graph-from-text.js";
import { singlePointsOfFailure } from "../../src/analysis/single-points-of-failure.js";
import { analyze } from "../../src/analysis/analyze.js";
import { supplyStatus } from "../../src/analysis/supply.js";
import { ScenarioError } from "../../src/model/errors.js";
import { applyScenario } from "../../src/scenario/apply-scenario.js";
import { analyzeForViewer } from "../../viewer/src/analysis.js";
import { flowInSteps } from "../../viewer/src/flow-steps.js";
import { WorkStopped } from "../../viewer/src/stop-token.js";
import { flowAnalysis } from "../../src/flow/flow-analysis.js";
import { readFileSync } from "node:fs";
import { type AnalysisData, toAnalysisView } from "../../viewer/src/analysis-view.js";
import { parseGraph } from "../../src/io/parse-graph.js";
import { syntheticGraphJson } from "../../src/generate/synthetic-graph-json.js";
import { syntheticNetwork } from "../../src/generate/synthetic-network.js";

// Two magnet makers; the heavy-RE-free one (no DyTb in its recipe) keeps Honda supplied without China.
const graph = graphFromText(`
  mine-cn [mine CN output=REO capacity=100]
  hre-cn [mine CN output=DyTb capacity=10]
  mine-au [mine AU output=REO capacity=30]
  mag-jp [magnet JP output=NdFeB recipe=REO:1,DyTb:0.1 capacity=100]
  mag-free [magnet JP output=NdFeB recipe=REO:1 capacity=20]
  toyota [consumer JP demand=50]
  honda [consumer JP demand=10]
  ford [consumer US demand=20]
  mine-cn -> mag-jp volume=70
  hre-cn -> mag-jp volume=7
  mine-au -> mag-free volume=10
  hre-cn -> mag-free volume=0
  mag-jp -> toyota volume=50
  mag-jp -> ford volume=20
  mag-free -> honda volume=10
`);

describe("analyzeForViewer reports what the library computes", () => {
  test("baseline: everyone supplied, single points of failure as the library lists them", async () => {
    const data = await analyzeForViewer(graph, { name: "baseline" });
    const applied = applyScenario(graph, { name: "baseline" });
    expect(data.cutOff).toEqual(supplyStatus(graph, applied).unsupplied);
    const spof = singlePointsOfFailure(graph, applied);
    for (const c of spof.consumers)
      expect(data.consumers.find((x) => x.id === c.id)?.singlePointsOfFailure).toEqual(
        c.singlePointsOfFailure,
      );
    expect(data.consumers.find((c) => c.id === "toyota")).toMatchObject({
      supplied: true,
      servedFraction: 1,
      countryFailureSets: [["CN"], ["JP"]],
    });
    expect(data.consumers.find((c) => c.id === "toyota")?.route?.at(-1)).toBe("toyota");
  });

  test("without China: Toyota and Ford cut off, Honda (HRE-free magnets) still supplied", async () => {
    const scenario = { name: "no-cn", remove: [{ country: "CN" }] };
    const data = await analyzeForViewer(graph, scenario);
    expect(data.cutOff).toEqual(["ford", "toyota"]);
    expect(data.cutOff).toEqual(supplyStatus(graph, applyScenario(graph, scenario)).unsupplied);
    expect(data.cutOff).toEqual(analyze(graph, applyScenario(graph, scenario)).unsupplied);
    expect(data.removed).toEqual(["hre-cn", "mine-cn"]);
    const view = toAnalysisView(data);
    expect(view.nodeOut.has("mine-cn")).toBe(true);
    expect(view.consumers.get("honda")).toMatchObject({ supplied: true, servedFraction: 1 });
    expect(view.countries.get("US")).toMatchObject({ servedFraction: 0 });
  });

  test("chokepoints ranked by the demand they cut off alone", async () => {
    const data = await analyzeForViewer(graph, { name: "baseline" });
    // three nodes each cut Toyota and Ford (70 t) alone; equal flow losses too, so ties go by id
    expect(data.chokepoints.slice(0, 3).map((c) => c.id)).toEqual(["hre-cn", "mag-jp", "mine-cn"]);
    expect(data.chokepoints[3]).toMatchObject({ consumersCut: 1, demandCut: 10 });
    expect(data.chokepoints.find((c) => c.id === "mag-jp")).toMatchObject({ consumersCut: 2, demandCut: 70 });
    expect(data.chokepoints.every((c) => !["toyota", "honda", "ford"].includes(c.id))).toBe(true);
  });

  test("the quick phase leaves the LP results and country sets to the full phase", async () => {
    const quick = await analyzeForViewer(graph, { name: "baseline" }, null, { phase: "quick" });
    expect(quick.complete).toBe(false);
    expect(quick.consumers.every((c) => c.served === null && c.countryFailureSets.length === 0)).toBe(true);
    const full = await analyzeForViewer(graph, { name: "baseline" });
    expect(full.complete).toBe(true);
    expect(quick.cutOff).toEqual(full.cutOff);
    expect(quick.consumers.map((c) => c.singlePointsOfFailure)).toEqual(
      full.consumers.map((c) => c.singlePointsOfFailure),
    );
    expect(full.centrality["mag-jp"]!.volumeShare).toBeGreaterThan(0);
  });

  test("a lever edits a copy of the graph: without HRE-free magnets, Honda needs Dy/Tb too", async () => {
    const lever = {
      name: "alt-tech",
      pillar: "alternative-technology",
      edits: [{ select: { node: "mag-free" }, set: { recipe: { REO: 1, DyTb: 0.1 } } }],
    };
    const data = await analyzeForViewer(graph, { name: "no-cn", remove: [{ country: "CN" }] }, lever);
    expect(data.cutOff).toEqual(["ford", "honda", "toyota"]);
    expect(graph.getNodeAttribute("mag-free", "recipe")).toEqual({ REO: 1 });
  });

  test("a scenario that matches nothing is the library's ScenarioError", async () => {
    await expect(analyzeForViewer(graph, { name: "x", remove: [{ country: "FR" }] })).rejects.toBeInstanceOf(
      ScenarioError,
    );
  });
});

describe("analyzeForViewer: intervals from the data's ranges", () => {
  test("a country's served share gets a 5th-95th percentile interval only when the graph has ranges", async () => {
    const ranged = graphFromText(`
      mine [mine AU output=REO capacity=30(15..45)]
      car [consumer JP demand=60]
      mine -> car volume=30
    `);
    const data = await analyzeForViewer(ranged, { name: "baseline" });
    const jp = data.countries.find((c) => c.country === "JP")!;
    expect(jp.servedFraction).toBe(0.5);
    expect(jp.servedInterval!.p05).toBeLessThan(0.5);
    expect(jp.servedInterval!.p95).toBeGreaterThan(0.5);
    expect(jp.servedInterval!.p95).toBeLessThanOrEqual(0.75);
    const plain = await analyzeForViewer(graph, { name: "baseline" });
    expect(plain.countries.every((c) => c.servedInterval === null)).toBe(true);
  });
});

describe("analyzeForViewer: a large graph's served demand in stages", () => {
  test("the split comes before the countries' ranges, with the same figures and no range yet", async () => {
    const big = parseGraph([...syntheticGraphJson(syntheticNetwork({ nodes: 2_100, seed: 3 }))].join(""), {
      file: "generated.json",
    });
    const stages: AnalysisData[] = [];
    await analyzeForViewer(big, { name: "baseline" }, null, { onStage: (d) => stages.push(d) });
    expect(stages.map((d) => d.stage)).toEqual(["total", "served", "ranges", "complete"]);
    const [total, served, ranges, complete] = stages as [
      AnalysisData,
      AnalysisData,
      AnalysisData,
      AnalysisData,
    ];
    expect(total.consumers.every((c) => c.served === null)).toBe(true);
    expect(served.maxTotalServed).toBe(total.maxTotalServed);
    // the split is final at "served": the later stages repeat it
    const split = (d: AnalysisData) => d.consumers.map((c) => [c.id, c.served]);
    expect(split(ranges)).toEqual(split(served));
    expect(split(complete)).toEqual(split(served));
    expect(served.countries.every((c) => c.served !== null && c.servedFractionRange === null)).toBe(true);
    for (const c of ranges.countries) {
      const [least, most] = c.servedFractionRange!;
      expect(least).toBeLessThanOrEqual(c.servedFraction! + 1e-9);
      expect(most).toBeGreaterThanOrEqual(c.servedFraction! - 1e-9);
    }
    expect(complete.countries.map((c) => c.servedFractionRange)).toEqual(
      ranges.countries.map((c) => c.servedFractionRange),
    );
  }, 120_000);

  test("with `early`, the full phase posts the quick phase's stages first, and breathes between stages", async () => {
    const big = parseGraph([...syntheticGraphJson(syntheticNetwork({ nodes: 2_100, seed: 5 }))].join(""), {
      file: "generated.json",
    });
    const scenario = { name: "no-CN", remove: [{ country: "CN" }] };
    const quick: AnalysisData[] = [];
    await analyzeForViewer(big, scenario, null, { phase: "quick", onStage: (d) => quick.push(d) });
    const full: AnalysisData[] = [];
    let breaths = 0;
    await analyzeForViewer(big, scenario, null, {
      early: true,
      onStage: (d) => full.push(d),
      breathe: async () => {
        breaths++;
      },
    });
    expect(quick.map((d) => d.stage)).toEqual(["reach", "structure"]);
    expect(full.map((d) => d.stage)).toEqual(["reach", "structure", "total", "served", "ranges", "complete"]);
    expect(full.slice(0, 2)).toEqual(quick);
    expect(quick[0]!.cutOff.length).toBeGreaterThan(0);
    expect(breaths).toBe(3);
  }, 120_000);
});

describe("analyzeForViewer: a stopped analysis", () => {
  test("the flow analysis in parts gives flowAnalysis's figures, and breathes and polls between them", async () => {
    const bundled = parseGraph(
      readFileSync(new URL("../../graphs/rare-earths-2025.json", import.meta.url), "utf8"),
      { file: "rare-earths-2025.json" },
    );
    const applied = applyScenario(bundled, { name: "no-CN", remove: [{ country: "CN" }] });
    let breaths = 0;
    let polls = 0;
    const steps = await flowInSteps(bundled, applied, {
      breathe: async () => {
        breaths++;
      },
      poll: () => {
        polls++;
      },
    });
    expect(steps).toEqual(await flowAnalysis(bundled, applied, { attack: false }));
    expect(breaths).toBe(2);
    expect(polls).toBeGreaterThan(0);
  }, 120_000);

  test("what the poll throws (WorkStopped) ends the analysis: no note, no stage posted", async () => {
    const stages: string[] = [];
    const stopped = analyzeForViewer(graph, { name: "baseline" }, null, {
      onStage: (d) => stages.push(d.stage),
      poll: () => {
        throw new WorkStopped();
      },
    });
    await expect(stopped).rejects.toBeInstanceOf(WorkStopped);
    expect(stages).toEqual([]);
  });
});
