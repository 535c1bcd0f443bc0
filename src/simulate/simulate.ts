/**
 * Resilience over time: a period-by-period simulation of a disruption on the facility graph, with stocks at every
 * tier drawn only through surviving capacities, lead times (material in transit keeps arriving), requalification
 * of new suppliers, disruption windows with recovery, and ramp-up of new facilities. Reports per period the served
 * demand per consumer and country and the stocks left; per country the time-to-survive, deepest drop,
 * time-to-recover and resilience loss; per node Simchi-Levi's time-to-survive against its time-to-recover
 * (Simchi-Levi, Schmidt & Wei, HBR 2014; Simchi-Levi et al., Interfaces 45(5), 2015).
 *
 * The model and its rules are in `_run.ts` (plan, then execute, period by period), `_timeline.ts` (what the
 * network can do each day) and `_network.ts` (stocks); docs/simulate.md states them for users.
 */
import { loadHighs } from "../flow/_solver.js";
import { UsageError } from "../model/errors.js";
import type { SupplyGraph } from "../model/types.js";
import { windowEnd } from "../scenario/timing.js";
import type { AppliedScenario } from "../scenario/types.js";
import { buildSimNetwork } from "./_network.js";
import { nodeResilience } from "./_node-resilience.js";
import { addDays, makePeriods } from "./_periods.js";
import { countryResilience, reportPeriods, stockList } from "./_resilience.js";
import { runSimulation } from "./_run.js";
import { buildTimeline, timeTables } from "./_timeline.js";
import { DEFAULT_SIMULATE_OPTIONS, type SimulateOptions, type Simulation } from "./types.js";

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The applied scenario with every disruption taken away (pipeline facilities as the scenario has them). */
export function undisrupted(applied: AppliedScenario): AppliedScenario {
  return { ...applied, timing: { ...applied.timing, removed: {}, cut: {}, scaled: {} } };
}

/** Calendar date of day 0: the option, else the scenario's startDate minus its startDay, else 1 Jan of the graph's year. */
function dayZero(graph: SupplyGraph, applied: AppliedScenario, option: string | undefined): string | null {
  if (option !== undefined) {
    const parsed = Date.parse(`${option}T00:00:00Z`);
    if (
      !ISO_DATE.test(option) ||
      Number.isNaN(parsed) ||
      new Date(parsed).toISOString().slice(0, 10) !== option
    )
      throw new UsageError(`start date "${option}" is not a date`, "give it as yyyy-mm-dd, e.g. 2010-09-21");
    return option;
  }
  const { startDate, window } = applied.timing;
  if (startDate !== null) return addDays(startDate, -window.startDay);
  const year = graph.getAttribute("year");
  return year === undefined ? null : `${year}-01-01`;
}

/** The disruption's span over all rules; null when the scenario disrupts nothing. */
function disruptionSpan(applied: AppliedScenario): Simulation["window"] {
  const { timing } = applied;
  const windows = [
    ...Object.values(timing.removed).flat(),
    ...Object.values(timing.cut).flat(),
    ...Object.values(timing.scaled).flatMap((s) => s.factors.map((f) => f.window)),
  ];
  if (windows.length === 0) return null;
  const end = Math.max(...windows.map(windowEnd));
  return { startDay: Math.min(...windows.map((w) => w.startDay)), endDay: Number.isFinite(end) ? end : null };
}

/**
 * Simulate `applied` on `graph` period by period.
 * @throws UsageError for a horizon, step or start date that cannot be used
 * @throws FlowSolveError if the LP solver fails (it should not on a valid graph)
 */
export async function simulate(
  graph: SupplyGraph,
  applied: AppliedScenario,
  options: SimulateOptions = {},
): Promise<Simulation> {
  const o = { ...DEFAULT_SIMULATE_OPTIONS, ...options };
  const periods = makePeriods(o.horizon, o.step);
  const day0 = dayZero(graph, applied, o.startDate);
  const highs = await loadHighs();
  const net = buildSimNetwork(graph, applied, o);
  const tables = timeTables(o);
  const timeline = buildTimeline(graph, applied, net, tables, day0);
  const steady = buildTimeline(graph, undisrupted(applied), net, tables, day0);
  const run = runSimulation(highs, net, timeline, steady, periods, { onProgress: o.onProgress });
  const reported = reportPeriods(net, periods, run);
  const nodes = o.nodes ? nodeResilience(highs, graph, applied, net, tables, day0, periods) : [];
  return {
    scenario: applied.name,
    horizon: o.horizon,
    step: o.step,
    startDate: day0,
    window: disruptionSpan(applied),
    periods: reported,
    countries: countryResilience(net, reported, timeline.disruptionStart),
    nodes,
    exposed: nodes.filter((n) => n.exposed).map((n) => n.id),
    stocks: stockList(net, (id) => graph.getNodeAttribute(id, "country")),
    assumptions: {
      leadTimes: o.leadTimes,
      stocks: o.stocks,
      qualificationDays:
        o.qualificationAll === undefined
          ? tables.qualification
          : Object.fromEntries(Object.keys(tables.qualification).map((k) => [k, o.qualificationAll!])),
      recoveryDays: tables.recovery,
      rampDays: tables.ramp,
    },
  };
}
