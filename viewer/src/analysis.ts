/**
 * Runs the LIBRARY's analyses for the viewer and flattens their results into one serialisable record
 * (`AnalysisData`), which the analysis worker posts to the page and `toAnalysisView` turns into the
 * `AnalysisView` the panels and reducers read. Nothing here computes supply, failure points or flows itself.
 */
import type { SupplyGraph } from "../../src/model/types.js";
import { isConsumer } from "../../src/model/types.js";
import { applyScenario } from "../../src/scenario/apply-scenario.js";
import type { Scenario } from "../../src/scenario/types.js";
import type { AppliedScenario } from "../../src/scenario/types.js";
import { type SupplyStatus, supplyStatus } from "../../src/analysis/supply.js";
import {
  type SinglePointsOfFailure,
  singlePointsOfFailure,
} from "../../src/analysis/single-points-of-failure.js";
import { buildCsr, type Csr } from "../../src/analysis/_csr.js";
import { type AnalyzeResult, analyze } from "../../src/analysis/analyze.js";
import { type Routes, routes } from "../../src/analysis/routes.js";
import type { ServedDemand } from "../../src/flow/served-demand.js";
import { originCutLines } from "../../src/report/origin-cuts.js";
import type { FlowAnalysis } from "../../src/flow/flow-analysis.js";
import { applyLever } from "../../src/levers/apply-lever.js";
import { monteCarlo } from "../../src/uncertainty/monte-carlo.js";
import type { Lever } from "../../src/levers/types.js";
import type {
  AnalysisData,
  AnalysisStage,
  ChokepointView,
  ConsumerView,
  CountryView,
} from "./analysis-view.js";
import { STAGED_MIN_NODES } from "./analysis-view.js";
import { flowInSteps } from "./flow-steps.js";
import { servedInSteps } from "./served.js";
import { WorkStopped } from "./stop-token.js";

/** Above this many nodes the N-1 flow sweep (one LP per node) is skipped: it would take too long in a page. */
export const FLOW_SWEEP_MAX_NODES = 1_500;
/** Above this many nodes no LP runs at all in the page. */
export const FLOW_MAX_NODES = 50_000;

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Compose a lever's masks with the user's scenario (the lever's edits live in the graph copy). */
function composeScenario(user: Scenario, lever: Scenario): Scenario {
  const out: Scenario = { ...user, name: `${lever.name} + ${user.name}` };
  const remove = [...(lever.remove ?? []), ...(user.remove ?? [])];
  const cut = [...(lever.cut ?? []), ...(user.cut ?? [])];
  const scale = [...(lever.scale ?? []), ...(user.scale ?? [])];
  if (remove.length) out.remove = remove;
  if (cut.length) out.cut = cut;
  if (scale.length) out.scale = scale;
  return out;
}

/**
 * The graph and scenario a request analyses: with a lever, the lever's edits on a copy of the graph and its
 * masks composed with the user's scenario; else the file graph and the user's scenario. (The timeline worker
 * simulates the same pair.)
 */
export function leveredInputs(
  fileGraph: SupplyGraph,
  userScenario: Scenario,
  lever: Lever | null,
): { graph: SupplyGraph; scenario: Scenario } {
  if (!lever) return { graph: fileGraph, scenario: userScenario };
  const levered = applyLever(fileGraph, lever);
  return { graph: levered.graph, scenario: composeScenario(userScenario, levered.scenario) };
}

/** Options of `analyzeForViewer`. */
export interface ViewerAnalysisOptions {
  /**
   * `quick`: reachability, single points of failure and routes only (milliseconds, shown at once); `full`: also
   * the LPs (served demand, N-1 losses, survival, losses) and the country failure-set search.
   */
  phase?: "quick" | "full";
  /** The integer view of the file graph, built once per graph by the worker (used when no lever edits it). */
  csr?: Csr;
  /**
   * Called with each stage's data as soon as it is ready (`AnalysisStage` order), so the page shows reachability
   * first and fills in the rest; the promise resolves with the last stage.
   */
  onStage?: (data: AnalysisData) => void;
  /**
   * The full phase posts the quick phase's stages (`reach`, `structure`) too, on graphs staged at all: the page
   * holds its quick request while it draws a new graph, and the full worker has the graph checked by then.
   */
  early?: boolean;
  /** Awaited between the stages of the full phase (the worker yields to its task queue there). */
  breathe?: () => Promise<void>;
  /**
   * Called often during the long LP work (the N-1 sweep, the Monte Carlo samples); what it throws (`WorkStopped`)
   * abandons the analysis: the worker's `stopCheck`.
   */
  poll?: () => void;
}

export const DEFAULT_VIEWER_ANALYSIS_OPTIONS: Required<
  Omit<ViewerAnalysisOptions, "csr" | "onStage" | "breathe" | "poll">
> = {
  phase: "full",
  early: false,
};

/**
 * Run the library's analyses on a scenario (and optionally a lever, which edits a copy of the graph), stage by
 * stage (see `AnalysisStage`).
 * @throws ScenarioError when the scenario matches nothing (the caller shows it and keeps the previous view)
 */
export async function analyzeForViewer(
  fileGraph: SupplyGraph,
  userScenario: Scenario,
  lever: Lever | null = null,
  options: ViewerAnalysisOptions = {},
): Promise<AnalysisData> {
  const { phase, early } = { ...DEFAULT_VIEWER_ANALYSIS_OPTIONS, ...options };
  const detailed = phase === "full";
  const breathe = options.breathe ?? (() => Promise.resolve());
  const poll = options.poll ?? (() => {});
  const { graph, scenario } = leveredInputs(fileGraph, userScenario, lever);
  const staged = graph.order > STAGED_MIN_NODES;
  const emit = (data: AnalysisData) => {
    options.onStage?.(data);
    return data;
  };
  const applied = applyScenario(graph, scenario);
  const parts: Parts = { graph, scenario, applied, notes: [] };
  // the worker's view serves every scenario of the file graph; a lever's copy needs its own
  const csr = !lever && options.csr ? options.csr : buildCsr(graph);
  parts.supply = supplyStatus(graph, applied, { csr });
  if (staged && (!detailed || early)) emit(assemble(parts, "reach"));
  parts.spof = singlePointsOfFailure(graph, applied, { csr });
  parts.fastest = routes(graph, applied, { csr });
  if (!detailed) return emit(assemble(parts, "structure"));
  if (staged && early) emit(assemble(parts, "structure"));
  await breathe();

  // Served demand always; the N-1 sweep behind chokepoint losses, survival and losses only where it stays fast
  // (one LP per node). Above it, the max-total figure comes first (one LP), then its leximin split.
  try {
    if (graph.order <= FLOW_SWEEP_MAX_NODES) {
      parts.full = await flowInSteps(graph, applied, { breathe, poll });
      parts.flow = parts.full.flow;
    } else if (graph.order <= FLOW_MAX_NODES) {
      parts.flow = await servedInSteps(graph, applied, {
        onTotal: (total) => {
          parts.maxTotalServed = total;
          if (staged) emit(assemble(parts, "total"));
        },
        onSplit: (split) => {
          if (!staged) return;
          emit(assemble({ ...parts, flow: split, rangesPending: true }, "served"));
        },
      });
      parts.notes.push(
        `Time to survive, losses and flow chokepoints are not computed in the page above ${FLOW_SWEEP_MAX_NODES} nodes.`,
      );
    } else parts.notes.push(`Served demand is not computed in the page above ${FLOW_MAX_NODES} nodes.`);
  } catch (e) {
    if (e instanceof WorkStopped) throw e;
    parts.notes.push(`Served demand (flow) could not be computed: ${(e as Error).message}`);
  }
  if (parts.flow) parts.maxTotalServed = parts.flow.maxTotalServed;
  if (staged) emit(assemble(parts, "ranges"));
  await breathe();
  // Intervals on the served shares when the data carries ranges: a small Monte Carlo in this worker.
  if (parts.flow && graph.order <= FLOW_SWEEP_MAX_NODES && hasRanges(graph)) {
    try {
      const mc = await monteCarlo(graph, scenario, { samples: VIEWER_SAMPLES, seed: 1, onProgress: poll });
      if (mc.inputs.length > 0) parts.intervals = mc.intervals.countries;
    } catch (e) {
      if (e instanceof WorkStopped) throw e;
      parts.notes.push(`Intervals could not be computed: ${(e as Error).message}`);
    }
  }
  await breathe();
  // The library's `analyze` (country failure sets, fewest failures, centrality) last: it limits the costly
  // searches on large graphs to the largest consumers and says so in `limits`.
  const analyzed = analyze(graph, applied, { csr });
  parts.analyzed = analyzed;
  if (analyzed.limits.incompleteCountrySets.length)
    parts.notes.push(
      "Country failure sets: the search stopped early for some consumers; their lists may be incomplete.",
    );
  if (analyzed.limits.detailedConsumers)
    parts.notes.push(
      `Country failure sets were searched for the ${analyzed.limits.detailedConsumers.length} largest consumers only.`,
    );
  return emit(assemble(parts, "complete"));
}

/** What the stages have computed so far. */
interface Parts {
  graph: SupplyGraph;
  scenario: Scenario;
  applied: AppliedScenario;
  notes: string[];
  supply?: SupplyStatus;
  spof?: SinglePointsOfFailure;
  fastest?: Routes;
  maxTotalServed?: number;
  flow?: ServedDemand;
  full?: FlowAnalysis;
  intervals?: Awaited<ReturnType<typeof monteCarlo>>["intervals"]["countries"];
  analyzed?: AnalyzeResult;
  /** The countries' served ranges of `flow` are not computed yet (shown as none). */
  rangesPending?: boolean;
}

/** The page's record of what is known at `stage` (fields not computed yet are empty or null). */
function assemble(parts: Parts, stage: AnalysisStage): AnalysisData {
  const { graph, applied, supply, spof, full, flow, analyzed, intervals } = parts;
  const spofById = new Map(spof?.consumers.map((c) => [c.id, c.singlePointsOfFailure]) ?? []);
  const served = new Map(flow?.consumers.map((c) => [c.id, c]) ?? []);
  const survival = new Map(full?.survival.consumers.map((c) => [c.id, c]) ?? []);
  const byConsumer = new Map(analyzed?.consumers.map((c) => [c.id, c]) ?? []);
  const fastest = new Map(parts.fastest?.consumers.map((r) => [r.id, r]) ?? []);

  const consumers: ConsumerView[] = (supply?.consumers ?? []).map((c) => {
    const f = served.get(c.id);
    return {
      id: c.id,
      demand: graph.getNodeAttribute(c.id, "demand") ?? 0,
      supplied: c.supplied,
      missing: c.missing,
      singlePointsOfFailure: spofById.get(c.id) ?? [],
      countryFailureSets: (byConsumer.get(c.id)?.countryFailureSets ?? []).filter((set) => set.length > 0),
      minFailures: byConsumer.get(c.id)?.minFailures ?? null,
      route: fastest.get(c.id)?.after?.path ?? null,
      routeBefore: fastest.get(c.id)?.before?.path ?? null,
      leadTimeDays: fastest.get(c.id)?.after?.leadTimeDays ?? null,
      served: f ? f.served : null,
      servedFraction: f ? f.fraction : null,
      timeToSurviveDays: survival.get(c.id)?.daysToSurvive ?? null,
    };
  });
  consumers.sort(byId);

  const lost = new Map(full?.chokepoints.map((c) => [c.id, c.demandLost]) ?? []);
  const chokepoints: ChokepointView[] = (spof?.nodes ?? [])
    .filter((n) => !isConsumer(graph.getNodeAttributes(n.id)) && !applied.nodeOut.has(n.id))
    .map((n) => ({
      id: n.id,
      consumersCut: n.consumersCutAlone,
      demandCut: n.demandCutAlone,
      demandLost: full ? (lost.get(n.id) ?? 0) : null,
    }))
    .sort(
      (a, b) =>
        b.demandCut - a.demandCut ||
        b.consumersCut - a.consumersCut ||
        (b.demandLost ?? 0) - (a.demandLost ?? 0) ||
        byId(a, b),
    );

  const countries: CountryView[] = [];
  const byCountry = new Map<string, number>();
  for (const c of consumers) {
    const country = graph.getNodeAttribute(c.id, "country");
    byCountry.set(country, (byCountry.get(country) ?? 0) + c.demand);
  }
  for (const [country, demand] of [...byCountry].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const f = flow?.countries[country];
    const year = full ? full.losses.durations.indexOf(365) : -1;
    const loss = full && year >= 0 ? full.losses.countries[country]?.[year] : undefined;
    countries.push({
      country,
      demand,
      served: f ? f.served : null,
      servedFraction: f ? f.fraction : null,
      servedFractionRange:
        f && f.demand > 0 && !parts.rangesPending
          ? [f.servedRange[0] / f.demand, f.servedRange[1] / f.demand]
          : null,
      servedInterval: intervals?.[country]?.fraction ?? null,
      timeToSurviveDays: full?.survival.countries[country]?.daysToSurvive ?? null,
      lossPerYear: loss ?? (full ? 0 : null),
      currency: full?.losses.currency ?? graph.getAttribute("currency") ?? null,
    });
  }

  return {
    scenarioName: parts.scenario.name,
    nodeOut: [...applied.nodeOut].sort(),
    removed: applied.removedNodes,
    // the viewer fades every edge that is gone: the cut ones and those of nodes that are out
    edgeOut: graph
      .filterEdges(
        (e, _a, s, t) => applied.edgeOut.has(e) || applied.nodeOut.has(s) || applied.nodeOut.has(t),
      )
      .sort(),
    consumers,
    cutOff: supply?.unsupplied ?? [],
    chokepoints,
    countries,
    notes: [...parts.notes],
    originCuts: originCutLines(
      applied.originCuts,
      (id) => graph.getNodeAttribute(id, "country"),
      graph.getAttribute("units") ?? "t/yr",
    ),
    centrality: Object.fromEntries(
      (analyzed?.nodes ?? []).map((n) => [n.id, { betweenness: n.betweenness, volumeShare: n.volumeShare }]),
    ),
    maxTotalServed: parts.maxTotalServed ?? null,
    stage,
    complete: stage === "complete",
  };
}

/** Samples behind the compare panel's error bars: 200 give the 5th and 95th percentiles to a few points. */
const VIEWER_SAMPLES = 200;

/** True when some node or edge carries a range. */
function hasRanges(graph: SupplyGraph): boolean {
  return (
    graph.someNode((_n, a) => a.ranges !== undefined) || graph.someEdge((_e, a) => a.ranges !== undefined)
  );
}
