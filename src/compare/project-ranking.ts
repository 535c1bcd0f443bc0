/**
 * Which planned facility helps a country most under a disruption: a greedy ranking of the graph's pipeline
 * (status `planned` / `construction`). Step 1 brings each project online ALONE (every other pipeline node kept
 * out by a `node=` removal, the scenario otherwise unchanged) and measures the country's served demand; the best
 * project is kept, and each later step adds the project that raises served demand most on top of those chosen,
 * so a magnet plant that needs a planned refinery shows up once the refinery is in. Greedy selection is the
 * standard heuristic for picking k of n projects when the gain of a set is not additive (Nemhauser, Wolsey &
 * Fisher 1978 bound it for submodular gains; served demand with recipes need not be submodular, so the order is
 * a heuristic, reported as such).
 *
 * A project is a pipeline node together with the pipeline nodes upstream of it that feed it only through other
 * pipeline nodes (its planned supply chain: MP's 10X magnet plant comes with MP's Dy/Tb metallisation and heavy-RE
 * circuit), so a plant whose feed is itself planned is not scored at zero.
 */
import type { FlowObjective } from "../flow/_solve-flow.js";
import { servedDemand } from "../flow/served-demand.js";
import { isPipeline, type SupplyGraph } from "../model/types.js";
import { applyScenario } from "../scenario/apply-scenario.js";
import { composeScenarios } from "../scenario/compose.js";
import type { Scenario } from "../scenario/types.js";

/** Options of `projectRanking`. */
export interface ProjectRankingOptions {
  /** How served demand is decided (default `proportional`: planned offtakes decide who gets a project's output). */
  objective?: FlowObjective;
  /** Greedy steps (projects chosen one after another). */
  steps?: number;
}

export const DEFAULT_PROJECT_RANKING_OPTIONS: Required<ProjectRankingOptions> = {
  objective: "proportional",
  steps: 5,
};

/** One project brought online alone. */
export interface ProjectGain {
  id: string;
  /** The pipeline nodes brought online with it (its planned supply chain), sorted; `[]` when none. */
  with: string[];
  label: string;
  country: string;
  stage: string;
  status: string;
  /** Year due; null when the file gives none. */
  since: number | null;
  /** Country's served demand gained per year, in the graph's units. */
  gain: number;
}

/** One greedy step. */
export interface GreedyStep extends ProjectGain {
  /** Country's served fraction with this and all earlier steps' projects online. */
  servedFraction: number;
}

/** The result of `projectRanking`. */
export interface ProjectRanking {
  country: string;
  scenario: string;
  objective: FlowObjective;
  /** Country's demand and served fraction with no pipeline project online. */
  demand: number;
  baseFraction: number;
  /** Every candidate alone, by gain (desc), then id. */
  single: ProjectGain[];
  /** Greedy order; stops early when no project adds anything. */
  greedy: GreedyStep[];
}

/**
 * Rank the pipeline projects by what they add to `country`'s served demand under `scenario`.
 * The scenario's own `includePlanned` / `year` are ignored: the ranking decides what comes online.
 * @throws ScenarioError when the scenario does not fit; FlowSolveError if the solver fails
 */
export async function projectRanking(
  graph: SupplyGraph,
  scenario: Scenario,
  country: string,
  options: ProjectRankingOptions = {},
): Promise<ProjectRanking> {
  const { objective, steps } = { ...DEFAULT_PROJECT_RANKING_OPTIONS, ...options };
  const { includePlanned: _i, year: _y, ...base } = scenario;
  const removed = new Set(applyScenario(graph, base).removedNodes);
  const pipeline = graph.filterNodes((id, a) => isPipeline(a) && !removed.has(id)).sort();

  const servedWith = async (online: ReadonlySet<string>) => {
    const off = pipeline.filter((id) => !online.has(id)).map((node) => ({ node }));
    const s = composeScenarios([
      base,
      { name: "projects", includePlanned: true, ...(off.length ? { remove: off } : {}) },
    ]);
    const flow = await servedDemand(graph, applyScenario(graph, s), { objective });
    return flow.countries[country] ?? { demand: 0, served: 0, fraction: 0 };
  };
  const candidates = new Set(pipeline);
  /** The pipeline nodes upstream of `id` reached through pipeline nodes only. */
  const chain = (id: string): string[] => {
    const seen = new Set<string>([id]);
    const stack = [id];
    while (stack.length) {
      const v = stack.pop()!;
      graph.forEachInNeighbor(v, (u) => {
        if (candidates.has(u) && !seen.has(u)) {
          seen.add(u);
          stack.push(u);
        }
      });
    }
    seen.delete(id);
    return [...seen].sort();
  };
  const chains = new Map(pipeline.map((id) => [id, chain(id)]));
  const describe = (id: string, gain: number): ProjectGain => {
    const a = graph.getNodeAttributes(id);
    return {
      id,
      with: chains.get(id) ?? [],
      label: a.label,
      country: a.country,
      stage: a.stage,
      status: a.status ?? "planned",
      since: a.since ?? null,
      gain,
    };
  };
  const byGain = (a: ProjectGain, b: ProjectGain) =>
    b.gain - a.gain || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

  const start = await servedWith(new Set());
  const chosen = new Set<string>();
  let current = start.served;
  let single: ProjectGain[] = [];
  const greedy: GreedyStep[] = [];
  for (let step = 0; step < steps; step++) {
    const gains: ProjectGain[] = [];
    let best: { gain: ProjectGain; fraction: number; served: number } | null = null;
    for (const id of pipeline) {
      if (chosen.has(id)) continue;
      const r = await servedWith(new Set([...chosen, id, ...(chains.get(id) ?? [])]));
      const g = describe(id, r.served - current);
      gains.push(g);
      if (!best || byGain(g, best.gain) < 0) best = { gain: g, fraction: r.fraction, served: r.served };
    }
    if (step === 0) single = gains.sort(byGain);
    if (!best || best.gain.gain <= 1e-9) break;
    chosen.add(best.gain.id);
    for (const id of best.gain.with) chosen.add(id);
    current = best.served;
    greedy.push({ ...best.gain, servedFraction: best.fraction });
  }
  return {
    country,
    scenario: scenario.name,
    objective,
    demand: start.demand,
    baseFraction: start.fraction,
    single,
    greedy,
  };
}
