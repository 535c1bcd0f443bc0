/**
 * Runs the LIBRARY's analyses for the viewer and flattens their results into one serialisable record
 * (`AnalysisData`), which the analysis worker posts to the page and `toAnalysisView` turns into the
 * `AnalysisView` the panels and reducers read. Nothing here computes supply, failure points or flows itself.
 */
import type { SupplyGraph } from "../../src/model/types.js";
import { isConsumer } from "../../src/model/types.js";
import { applyScenario } from "../../src/scenario/apply-scenario.js";
import type { Scenario } from "../../src/scenario/types.js";
import { supplyStatus } from "../../src/analysis/supply.js";
import { singlePointsOfFailure } from "../../src/analysis/single-points-of-failure.js";
import { buildCsr } from "../../src/analysis/_csr.js";
import { servedDemand } from "../../src/flow/served-demand.js";
import { flowChokepoints } from "../../src/flow/flow-chokepoints.js";
import { applyLever } from "../../src/levers/apply-lever.js";
import type { Lever } from "../../src/levers/types.js";
import type { AnalysisData, ChokepointView, ConsumerView, CountryView } from "./analysis-view.js";

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
 * Run every analysis the library offers on a scenario (and optionally a lever, which edits a copy of the graph).
 * @throws ScenarioError when the scenario matches nothing (the caller shows it and keeps the previous view)
 */
export async function analyzeForViewer(
  fileGraph: SupplyGraph,
  userScenario: Scenario,
  lever: Lever | null = null,
): Promise<AnalysisData> {
  let graph = fileGraph;
  let scenario = userScenario;
  if (lever) {
    const levered = applyLever(fileGraph, lever);
    graph = levered.graph;
    scenario = composeScenario(userScenario, levered.scenario);
  }
  const applied = applyScenario(graph, scenario);
  const notes: string[] = [];
  const csr = buildCsr(graph);
  const supply = supplyStatus(graph, applied, { csr });
  const spof = singlePointsOfFailure(graph, applied, { csr });
  const spofById = new Map(spof.consumers.map((c) => [c.id, c.singlePointsOfFailure]));

  let flow: Awaited<ReturnType<typeof servedDemand>> | null = null;
  if (graph.order <= FLOW_MAX_NODES) {
    try {
      flow = await servedDemand(graph, applied);
    } catch (e) {
      notes.push(`Served demand (flow) could not be computed: ${(e as Error).message}`);
    }
  } else notes.push(`Served demand is not computed in the page above ${FLOW_MAX_NODES} nodes.`);
  const served = new Map(flow?.consumers.map((c) => [c.id, c]) ?? []);

  const consumers: ConsumerView[] = supply.consumers.map((c) => {
    const f = served.get(c.id);
    return {
      id: c.id,
      demand: graph.getNodeAttribute(c.id, "demand") ?? 0,
      supplied: c.supplied,
      missing: c.missing,
      singlePointsOfFailure: spofById.get(c.id) ?? [],
      countryFailureSets: [],
      route: null,
      served: f ? f.served : null,
      servedFraction: f ? f.fraction : null,
      timeToSurviveDays: null,
    };
  });
  consumers.sort(byId);
  notes.push("Country failure sets, routes, time to survive and losses: not yet available in this build.");

  let lost = new Map<string, number>();
  if (flow && graph.order <= FLOW_SWEEP_MAX_NODES) {
    try {
      lost = new Map((await flowChokepoints(graph, applied)).map((c) => [c.id, c.demandLost]));
    } catch (e) {
      notes.push(`Flow chokepoints could not be computed: ${(e as Error).message}`);
    }
  }
  const chokepoints: ChokepointView[] = spof.nodes
    .filter((n) => !isConsumer(graph.getNodeAttributes(n.id)) && !applied.nodeOut.has(n.id))
    .map((n) => ({
      id: n.id,
      consumersCut: n.consumersCutAlone,
      demandCut: n.demandCutAlone,
      demandLost: lost.size > 0 ? (lost.get(n.id) ?? 0) : null,
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
    countries.push({
      country,
      demand,
      served: f ? f.served : null,
      servedFraction: f ? f.fraction : null,
      timeToSurviveDays: null,
      lossPerYear: null,
      currency: graph.getAttribute("currency") ?? null,
    });
  }

  return {
    scenarioName: scenario.name,
    nodeOut: [...applied.nodeOut].sort(),
    removed: applied.removedNodes,
    edgeOut: [...applied.edgeOut].sort(),
    consumers,
    cutOff: supply.unsupplied,
    chokepoints,
    countries,
    notes,
  };
}
