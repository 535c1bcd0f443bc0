/**
 * `compare --over-time`: each column (a graph under a scenario) simulated period by period (`simulate`), with the
 * compared countries' time-to-survive, deepest drop, time-to-recover and resilience loss side by side.
 */
import { applyScenario } from "../scenario/apply-scenario.js";
import { simulate } from "../simulate/simulate.js";
import type { CountryResilience, SimulateOptions, Simulation } from "../simulate/types.js";
import type { CompareInput } from "./compare.js";

/** One column over time. */
export interface ColumnOverTime {
  label: string;
  file: string;
  scenario: string;
  /** Compared country → its resilience (countries without consumers in the column's graph are left out). */
  countries: Record<string, CountryResilience>;
  /** The whole simulation, for the chart. */
  simulation: Simulation;
}

/**
 * Simulate every column of a comparison.
 * @throws ScenarioError when a scenario does not fit its graph; FlowSolveError if the solver fails
 */
export async function compareOverTime(
  inputs: CompareInput[],
  countries: string[],
  options: SimulateOptions = {},
): Promise<ColumnOverTime[]> {
  const out: ColumnOverTime[] = [];
  for (const input of inputs) {
    const sim = await simulate(input.graph, applyScenario(input.graph, input.scenario), {
      ...options,
      nodes: false,
    });
    const picked: Record<string, CountryResilience> = {};
    for (const c of countries) if (sim.countries[c]) picked[c] = sim.countries[c]!;
    out.push({
      label: input.label ?? `${input.graph.getAttribute("year") ?? input.file} ${input.scenario.name}`,
      file: input.file,
      scenario: input.scenario.name,
      countries: picked,
      simulation: sim,
    });
  }
  return out;
}
