/**
 * Options and result of `simulate`: the day-by-day (period-by-period) disruption simulation. Quantities are
 * tonnes within a period (the graph's units without the "per year"); days count from the start of the simulation.
 */

/** Options of `simulate`. */
export interface SimulateOptions {
  /** Days simulated. */
  horizon?: number;
  /** Days per period (the last period is shorter when `horizon` is not a multiple). */
  step?: number;
  /** Stage → qualification days, replacing the stage defaults (node attributes still win). */
  qualificationDays?: Record<string, number>;
  /** Qualification days for every stage (replaces the stage defaults; node attributes still win). */
  qualificationAll?: number;
  /** Stage → recovery days over `DEFAULT_RECOVERY_DAYS` (node attributes still win). */
  recoveryDays?: Record<string, number>;
  /** Stage → ramp days over `DEFAULT_RAMP_DAYS` (node attributes still win). */
  rampDays?: Record<string, number>;
  /** Use the edges' `leadTimeDays` (off: material arrives in the period it is shipped). */
  leadTimes?: boolean;
  /** Use stocks (stockpile nodes, `stockpileDays`, `stockDays`); off = none, as in the yearly model. */
  stocks?: boolean;
  /** Compute the per-node time-to-survive (one simulation per shipping node). */
  nodes?: boolean;
  /** Calendar date of day 0 (yyyy-mm-dd); default: the scenario's startDate minus its startDay, else 1 January of the graph's year. */
  startDate?: string;
  /** Called after each simulated period: (done, total). */
  onProgress?: (done: number, total: number) => void;
}

/** The defaults: a year in weeks, lead times and stocks on, per-node exposure off (one simulation per node). */
export const DEFAULT_SIMULATE_OPTIONS = {
  horizon: 365,
  step: 7,
  qualificationDays: {} as Record<string, number>,
  qualificationAll: undefined as number | undefined,
  recoveryDays: {} as Record<string, number>,
  rampDays: {} as Record<string, number>,
  leadTimes: true,
  stocks: true,
  nodes: false,
  startDate: undefined as string | undefined,
  onProgress: undefined as ((done: number, total: number) => void) | undefined,
};

/** One country in one period. */
export interface PeriodCountry {
  /** Tonnes demanded within the period. */
  demand: number;
  served: number;
  fraction: number;
}

/** One consumer in one period. */
export interface PeriodConsumer {
  id: string;
  served: number;
  fraction: number;
}

/** A stock at the end of a period: a stockpile node, or the input stock of a node (`stockDays`, `stockpileDays`). */
export interface PeriodStock {
  id: string;
  /** Tonnes left (of the pile's material; of all input materials together for a node's stock). */
  left: number;
}

/** One period of the simulation. */
export interface SimulationPeriod {
  /** First day of the period. */
  day: number;
  /** Days in the period. */
  days: number;
  /** Country code → demand and served demand, keys sorted. */
  countries: Record<string, PeriodCountry>;
  /** Sorted by id. */
  consumers: PeriodConsumer[];
  /** Sorted by id. */
  stocks: PeriodStock[];
}

/** A country's resilience over the horizon (days; null where it does not apply). */
export interface CountryResilience {
  /** Days from the disruption's start to the first period with a shortfall; null when nothing is ever short. */
  timeToSurvive: number | null;
  /** The smallest served fraction of any period. */
  deepestFraction: number;
  /** Days from the first shortfall until served demand is back at 99% for good; null if never short or never back. */
  timeToRecover: number | null;
  /**
   * The area between demand and served demand (Bruneau et al. 2003): `tonneDays` with both as tonnes per day (so
   * it equals the tonnes not served), `shareDays` with both as shares of demand (days of total loss).
   */
  resilienceLoss: { tonneDays: number; shareDays: number };
  /** Money lost: Σ over its consumers of valuePerYear × share not served × days / 365; null when none has a value. */
  loss: number | null;
}

/** A node's time-to-survive (alone disrupted, from day 0, for good) against its time-to-recover (Simchi-Levi). */
export interface NodeResilience {
  id: string;
  /** Days until the first shortfall anywhere with only this node down; null when none within the horizon. */
  timeToSurvive: number | null;
  /** The node's recoveryDays, or its stage default. */
  timeToRecover: number;
  /** True when timeToRecover is the stage default. */
  recoveryAssumed: boolean;
  /** timeToSurvive is below timeToRecover: the network runs short before the node is back. */
  exposed: boolean;
}

/** Everything `simulate` reports. */
export interface Simulation {
  scenario: string;
  horizon: number;
  step: number;
  /** Calendar date of day 0, when known. */
  startDate: string | null;
  /** The disruption's span: the earliest rule start and the latest rule end (null = to the end of the horizon). */
  window: { startDay: number; endDay: number | null } | null;
  periods: SimulationPeriod[];
  /** Country code → resilience, keys sorted. */
  countries: Record<string, CountryResilience>;
  /** Shipping nodes, sorted by time-to-survive (shortest first, null last), then id; empty when `nodes` is off. */
  nodes: NodeResilience[];
  /** Ids of the nodes where timeToSurvive is below timeToRecover, in `nodes` order. */
  exposed: string[];
  /** Every stock the periods list: its country and the tonnes it held at day 0, sorted by id. */
  stocks: Array<{ id: string; country: string; initial: number }>;
  /** The assumptions the run used, for the report. */
  assumptions: {
    leadTimes: boolean;
    stocks: boolean;
    qualificationDays: Record<string, number>;
    recoveryDays: Record<string, number>;
    rampDays: Record<string, number>;
  };
}
