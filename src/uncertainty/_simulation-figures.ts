/**
 * The figures a sample of `simulate` records, per country: time-to-survive, deepest fraction, time-to-recover and
 * the resilience loss (tonne-days and share-days), exactly as `simulate` reports them for the sampled graph.
 *
 * Nulls become numbers so that a row is a plain Float64Array (it crosses threads): a time-to-survive of null
 * (never short within the horizon) is +Infinity, "beyond the horizon"; a time-to-recover is NaN when the country
 * is never short (it does not apply) and +Infinity when it is short but not back within the horizon. A country
 * with no consumer in the sample's run gives NaN everywhere.
 */
import type { SupplyGraph } from "../model/types.js";
import type { AppliedScenario } from "../scenario/types.js";
import { simulate } from "../simulate/simulate.js";
import type { SimulateOptions } from "../simulate/types.js";
import { SIMULATION_FIGURES } from "./_simulation-columns.js";

/** The simulate options a sampled run passes on: plain data (it is posted to worker threads). */
export type SampledSimulateSettings = Omit<SimulateOptions, "onProgress" | "nodes">;

/** Write the figures of `countries` (in order) for `graph` under `applied` into `out` from `at`. */
export async function simulationFigures(
  graph: SupplyGraph,
  applied: AppliedScenario,
  settings: SampledSimulateSettings,
  countries: readonly string[],
  out: Float64Array,
  at: number,
): Promise<void> {
  const sim = await simulate(graph, applied, { ...settings, nodes: false });
  const width = SIMULATION_FIGURES.length;
  countries.forEach((code, c) => {
    const r = sim.countries[code];
    const row = at + c * width;
    if (!r) {
      out.fill(Number.NaN, row, row + width);
      return;
    }
    out[row] = r.timeToSurvive ?? Number.POSITIVE_INFINITY;
    out[row + 1] = r.deepestFraction;
    out[row + 2] = r.timeToSurvive === null ? Number.NaN : (r.timeToRecover ?? Number.POSITIVE_INFINITY);
    out[row + 3] = r.resilienceLoss.tonneDays;
    out[row + 4] = r.resilienceLoss.shareDays;
  });
}
