/**
 * The mirror: what Japan's pillars would buy another country (by default the US). Two pillars transfer as graph
 * edits measured on the data itself, never as assumed figures:
 * - stockpile: every consumer of the target country gets the stock cover the source country has, in days of
 *   demand (private `stockpileDays` plus its national stockpile as `survival` allocates it under the scenario);
 * - alternative technology: the source country's heavy-rare-earth-free share of magnet output (volume of magnet
 *   makers whose recipe lacks the heavy material) is applied to the target's magnet makers, whose heavy-material
 *   coefficient is cut by that share (a mix of HRE-free and standard lines, averaged into one recipe).
 * Diversification and recycling do not transfer this way: they are suppliers and relations the target country
 * would have to build, which a graph edit could only invent; the pipeline ranking (`projectRanking`) covers them.
 */
import { cleanFlow } from "../flow/_clean.js";
import type { FlowObjective } from "../flow/_solve-flow.js";
import { flowAnalysis } from "../flow/flow-analysis.js";
import type { Lever, LeverChanges } from "../levers/types.js";
import { applyLever } from "../levers/apply-lever.js";
import { isConsumer, type SupplyGraph } from "../model/types.js";
import { applyScenario } from "../scenario/apply-scenario.js";
import type { Scenario } from "../scenario/types.js";
import { type LeverOutcome, leverOutcome, type OutcomeDelta, outcomeDelta } from "./lever-contributions.js";

/** Options of `mirrorLevers`. */
export interface MirrorLeversOptions {
  /** The material whose absence makes a magnet maker heavy-rare-earth-free. */
  heavyMaterial?: string;
  /** The stage of magnet makers. */
  magnetStage?: string;
  objective?: FlowObjective;
}

export const DEFAULT_MIRROR_LEVERS_OPTIONS: Required<MirrorLeversOptions> = {
  heavyMaterial: "DyTb-metal",
  magnetStage: "magnet",
  objective: "proportional",
};

/** One transferred pillar. */
export interface MirrorItem {
  pillar: string;
  description: string;
  /** The transform applied to the target country (a lever that ADDS, built from the source country's data). */
  lever: Lever;
  outcome: LeverOutcome;
  /** outcome − the target's outcome without it. */
  gain: OutcomeDelta;
  changes: LeverChanges;
}

/** The result of `mirrorLevers`. */
export interface MirrorLevers {
  from: string;
  to: string;
  scenario: string;
  objective: FlowObjective;
  /** The source country's stock cover, in days of its demand. */
  stockpileDays: number;
  /** The source country's HRE-free share of magnet output (0-1). */
  hreFreeShare: number;
  baseline: LeverOutcome;
  items: MirrorItem[];
}

/** Stock cover of `country` in days of its demand, as `survival` allocates stocks under the scenario. */
async function stockCover(graph: SupplyGraph, scenario: Scenario, country: string): Promise<number> {
  const { survival } = await flowAnalysis(graph, applyScenario(graph, scenario), {
    objective: "max-total",
    attack: false,
  });
  const own = survival.consumers.filter((c) => c.country === country);
  const demand = own.reduce((t, c) => t + c.demand, 0);
  const stock = own.reduce((t, c) => t + c.privateStock + c.nationalStock, 0);
  return demand > 0 ? cleanFlow((stock / demand) * 365) : 0;
}

/** Share of `country`'s magnet output (baseline out-volume) made without `heavy`. */
export function hreFreeShare(graph: SupplyGraph, country: string, heavy: string, stage: string): number {
  let total = 0;
  let free = 0;
  graph.forEachNode((id, a) => {
    if (
      a.country !== country ||
      a.stage !== stage ||
      !a.recipe ||
      a.status === "planned" ||
      a.status === "construction"
    )
      return;
    let out = 0;
    graph.forEachOutEdge(id, (_e, ea) => {
      out += ea.volume ?? 0;
    });
    total += out;
    if (a.recipe[heavy] === undefined) free += out;
  });
  return total > 0 ? free / total : 0;
}

/**
 * What the source country's stockpile and alternative-technology pillars would buy the target country.
 * @throws ScenarioError when the target has nothing to edit; FlowSolveError if the solver fails
 */
export async function mirrorLevers(
  graph: SupplyGraph,
  scenario: Scenario,
  from = "JP",
  to = "US",
  options: MirrorLeversOptions = {},
): Promise<MirrorLevers> {
  const o = { ...DEFAULT_MIRROR_LEVERS_OPTIONS, ...options };
  const days = await stockCover(graph, scenario, from);
  const share = hreFreeShare(graph, from, o.heavyMaterial, o.magnetStage);
  const baseline = await leverOutcome(graph, scenario, [], to, o.objective);

  const consumers = graph.filterNodes((_id, a) => a.country === to && isConsumer(a)).sort();
  const stockLever: Lever = {
    name: `${to}-stockpile-like-${from}`,
    pillar: "stockpile",
    description: `every ${to} consumer holds ${days.toFixed(1)} days of demand, ${from}'s stock cover under ${scenario.name}`,
    edits: consumers.map((node) => ({
      select: { node },
      set: { stockpileDays: Math.max(days, graph.getNodeAttribute(node, "stockpileDays") ?? 0) },
    })),
  };
  const makers = graph
    .filterNodes(
      (_id, a) => a.country === to && a.stage === o.magnetStage && a.recipe?.[o.heavyMaterial] !== undefined,
    )
    .sort();
  const techLever: Lever = {
    name: `${to}-hre-free-share-like-${from}`,
    pillar: "alternative-technology",
    description: `${to} magnet makers cut ${o.heavyMaterial} per tonne by ${(share * 100).toFixed(1)}%, ${from}'s HRE-free share of magnet output`,
    edits: makers.map((node) => {
      const recipe = graph.getNodeAttribute(node, "recipe")!;
      return {
        select: { node },
        set: { recipe: { ...recipe, [o.heavyMaterial]: recipe[o.heavyMaterial]! * (1 - share) } },
      };
    }),
  };
  const items: MirrorItem[] = [];
  for (const lever of [stockLever, techLever]) {
    if (!lever.edits?.length) continue; // nothing to transfer to (no consumers / no makers using the material)
    // A mirror lever ADDS to the target, so it is applied as the graph and measured against the baseline.
    const { graph: edited } = applyLever(graph, lever);
    const outcome = await leverOutcome(edited, scenario, [], to, o.objective);
    items.push({
      pillar: lever.pillar,
      description: lever.description!,
      lever,
      outcome,
      gain: outcomeDelta(outcome, baseline),
      changes: applyLever(graph, lever).changes[0]!,
    });
  }
  return {
    from,
    to,
    scenario: scenario.name,
    objective: o.objective,
    stockpileDays: days,
    hreFreeShare: share,
    baseline,
    items,
  };
}
