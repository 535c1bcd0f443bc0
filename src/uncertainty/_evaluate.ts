/**
 * Solving the served demand at a list of points of the input space, on one working graph: the inner loop of the
 * Monte Carlo, the one-at-a-time swings and the Sobol design, run alike in the main thread or a worker (so the
 * figures cannot depend on the number of threads). Each point's figures are `servedDemand`'s (`_served-figures.ts`).
 */
import type { FlowObjective } from "../flow/_solve-flow.js";
import type { SupplyGraph } from "../model/types.js";
import { applyScenario } from "../scenario/apply-scenario.js";
import type { Scenario } from "../scenario/types.js";
import { FlowSolveError, loadHighs } from "../flow/_solver.js";
import type { AppliedScenario } from "../scenario/types.js";
import { ReusedModel } from "./_reused-model.js";
import { servedFigures } from "./_served-figures.js";
import { SIMULATION_FIGURES } from "./_simulation-columns.js";
import type { SampledSimulateSettings } from "./_simulation-figures.js";
import type { Distribution } from "./draws.js";
import type { RangedInput } from "./ranged-inputs.js";
import { assignInputValues, sampler } from "./sample-graph.js";

/**
 * A point of the input space: a drawn sample (`stream` 0 or 1; `swap` = the input indices taken from the other
 * stream, Saltelli's A_B^(i) matrices), or the nominal values with some inputs set (`set`: [index, value]).
 */
export type Point =
  | { sample: number; stream: 0 | 1; swap?: number[] }
  | { set: Array<readonly [number, number]> };

/** Everything a thread needs besides the graph; plain data, so it can be posted to a worker. */
export interface EvaluationPlan {
  scenario: Scenario;
  objective: FlowObjective;
  inputs: RangedInput[];
  seed: number;
  distribution: Distribution;
  /** Countries whose served demand is recorded, in this order. */
  countries: string[];
  /**
   * When set, each point runs `simulate` with these settings instead of the yearly served demand, and records
   * the per-country resilience figures of `_simulation-figures.ts`.
   */
  simulate?: SampledSimulateSettings;
}

/**
 * Figures recorded per point: total demand, total served, then demand and served of each plan country; with
 * `simulate`, the `SIMULATION_FIGURES` of each plan country.
 */
export function figureCount(plan: EvaluationPlan): number {
  if (plan.simulate) return SIMULATION_FIGURES.length * plan.countries.length;
  return 2 + 2 * plan.countries.length;
}

/** Solve each point; row p of the result (length `figureCount`) holds point p's figures. */
export function evaluator(graph: SupplyGraph, plan: EvaluationPlan) {
  const d = plan.inputs.length;
  const draw = sampler(plan.inputs, plan);
  const values = new Float64Array(d);
  const other = new Float64Array(d);
  const nominal = Float64Array.from(plan.inputs, (x) => x.value);
  const width = figureCount(plan);
  // The scenario's masks depend on no sampled value; its `scale` rules multiply the (sampled) capacity.
  const fixed = plan.scenario.scale?.length ? null : applyScenario(graph, plan.scenario);
  // One HiGHS model for every point of this thread: only its numbers change (`_reused-model.ts`).
  let reused: ReusedModel | undefined;
  // Calls run one after another, never interleaved: each rewrites the ranged values of the ONE working graph and
  // awaits inside a point, so two side by side (a worker holds two chunks, `_pool.ts`) would read each other's.
  let running: Promise<unknown> = Promise.resolve();
  const solve = async (points: readonly Point[]): Promise<Float64Array> => {
    reused ??= new ReusedModel(await loadHighs());
    const out = new Float64Array(points.length * width);
    for (let p = 0; p < points.length; p++) {
      const point = points[p]!;
      if ("set" in point) {
        values.set(nominal);
        for (const [k, v] of point.set) values[k] = v;
      } else {
        draw(point.sample, point.stream, values);
        if (point.swap?.length) {
          draw(point.sample, 1 - point.stream, other);
          for (const k of point.swap) values[k] = other[k]!;
        }
      }
      assignInputValues(graph, plan.inputs, values);
      const applied = fixed ?? applyScenario(graph, plan.scenario);
      if (plan.simulate) {
        // loaded only for a simulated plan: every worker of a served-demand run would load the simulator for nothing
        const { simulationFigures } = await import("./_simulation-figures.js");
        await simulationFigures(graph, applied, plan.simulate, plan.countries, out, p * width);
        continue;
      }
      const result = await reusedOrFresh(reused, graph, applied, plan.objective);
      const row = p * width;
      out[row] = result.totalDemand;
      out[row + 1] = result.totalServed;
      plan.countries.forEach((code, c) => {
        const country = result.countries.get(code);
        out[row + 2 + 2 * c] = country?.demand ?? 0;
        out[row + 3 + 2 * c] = country?.served ?? 0;
      });
    }
    assignInputValues(graph, plan.inputs, nominal);
    return out;
  };
  return (points: readonly Point[]): Promise<Float64Array> => {
    const run = running.then(() => solve(points));
    running = run.catch(() => undefined);
    return run;
  };
}

/**
 * The served figures on the reused model; when its solver gives up on a sample (a warm start from the previous
 * sample's basis has ended in a spurious "infeasible" within tolerance), the sample is solved afresh, exactly as
 * without reuse, and the next sample starts from a fresh model too.
 */
async function reusedOrFresh(
  reused: ReusedModel,
  graph: SupplyGraph,
  applied: AppliedScenario,
  objective: FlowObjective,
) {
  try {
    return await servedFigures(graph, applied, objective, reused.highs);
  } catch (error) {
    if (!(error instanceof FlowSolveError)) throw error;
    reused.dispose();
    return servedFigures(graph, applied, objective);
  }
}
