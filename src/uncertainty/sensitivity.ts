/**
 * Which uncertain input matters most for one figure (`metric`, e.g. Japan's served share):
 *
 * 1. One-at-a-time swings (the tornado): each ranged value set to its low and then its high end, every other
 *    value at the file's; `swing` = |metric(high) − metric(low)|. Cheap (2 solves per input) and easy to read,
 *    but blind to interactions: with two mines feeding one refinery, neither mine alone may move the output.
 * 2. Variance-based indices (Sobol' first-order and total; Saltelli 2010 and Jansen 1999 estimators, `sobol.ts`)
 *    from Monte Carlo samples in which EVERY input varies at once, for the inputs with the largest swings (each
 *    costs N more solves): the share of the metric's variance due to the input alone, and with its interactions.
 */
import type { FlowObjective } from "../flow/_solve-flow.js";
import { UsageError } from "../model/errors.js";
import type { SupplyGraph } from "../model/types.js";
import type { Scenario } from "../scenario/types.js";
import type { Distribution } from "./draws.js";
import { evaluatePoints, figureCount, type EvaluationPlan, type Point } from "./evaluate-points.js";
import { checkSampling, planFor } from "./monte-carlo.js";
import { type Interval, intervalOf } from "./quantiles.js";
import type { RangedInput } from "./ranged-inputs.js";
import { sobolIndices } from "./sobol.js";

/** A figure to explain: a country's served share (`served:JP`) or the total's (`served:total`). */
export interface Metric {
  name: string;
  /** null = all consumers together. */
  country: string | null;
}

/** Parse `served:<ISO code>` or `served:total` (`served` alone = total). @throws UsageError E_METRIC */
export function parseMetric(text: string): Metric {
  const m = /^served(?::(total|[A-Z]{2}))?$/.exec(text.trim());
  if (!m)
    throw new UsageError(
      `cannot read metric "${text}"`,
      "use served:<country code> or served:total, e.g. served:JP",
      "E_METRIC",
    );
  const country = m[1] === undefined || m[1] === "total" ? null : m[1];
  return { name: `served:${country ?? "total"}`, country };
}

/** Options of `sensitivity`. */
export interface SensitivityOptions {
  /** Rows per Sobol matrix (N); 0 = swings only (default 500). */
  samples?: number;
  seed?: number;
  distribution?: Distribution;
  /** How many inputs (largest swings first) get Sobol indices; each costs N solves (default 8). */
  sobolInputs?: number;
  objective?: FlowObjective | undefined;
  threads?: number;
  onProgress?: ((done: number, total: number) => void) | undefined;
}

export const DEFAULT_SENSITIVITY_OPTIONS = {
  samples: 500,
  seed: 1,
  distribution: "triangular" as Distribution,
  sobolInputs: 8,
  threads: 1,
};

/** One input's effect on the metric. */
export interface InputSensitivity {
  kind: "node" | "edge";
  /** Node id or edge key. */
  id: string;
  attribute: string;
  /** The input's own value and range. */
  value: number;
  range: { low: number; high: number };
  why: string | null;
  origin: RangedInput["origin"];
  /**
   * The metric with this input at its low end, then its high end (the others at their values); null where
   * the metric is undefined (the country demands nothing at that end).
   */
  low: number | null;
  high: number | null;
  /** |high − low| (0 when either is null). */
  swing: number;
  /** Sobol indices; null when not computed for this input (or the metric does not vary). */
  sobol: { first: number | null; total: number | null } | null;
}

/** The sensitivity result, inputs sorted by swing (largest first), then kind, id, attribute. */
export interface Sensitivity {
  metric: string;
  /** The metric with every input at its value (null when undefined). */
  nominal: number | null;
  samples: { n: number; seed: number } | null;
  distribution: Distribution;
  /** The metric's 5th-50th-95th percentiles over the A and B samples (null without samples). */
  interval: Interval | null;
  inputs: InputSensitivity[];
}

function metricOf(plan: EvaluationPlan, country: string | null) {
  const width = figureCount(plan);
  const c = country === null ? -1 : plan.countries.indexOf(country);
  return (rows: Float64Array, p: number): number => {
    const demand = c < 0 ? rows[p * width]! : rows[p * width + 2 + 2 * c]!;
    const served = c < 0 ? rows[p * width + 1]! : rows[p * width + 3 + 2 * c]!;
    return demand > 0 ? served / demand : Number.NaN;
  };
}

const clean = (x: number) => (Number.isFinite(x) ? Number(x.toPrecision(12)) : x);

/**
 * Swings and Sobol indices of `metric` over the ranged inputs of `graph` under `scenario`.
 * @throws UsageError E_METRIC when the metric's country has no consumer under the scenario
 */
export async function sensitivity(
  graph: SupplyGraph,
  scenario: Scenario,
  metric: Metric,
  options: SensitivityOptions = {},
): Promise<Sensitivity> {
  const o = { ...DEFAULT_SENSITIVITY_OPTIONS, ...options };
  if (o.samples !== 0) checkSampling(o.samples, o.seed);
  const plan = planFor(graph, scenario, {
    seed: o.seed,
    distribution: o.distribution,
    objective: o.objective,
  });
  if (metric.country !== null && !plan.countries.includes(metric.country))
    throw new UsageError(
      `${metric.name}: ${metric.country} has no consumer under scenario "${scenario.name}"`,
      undefined,
      "E_METRIC",
    );
  plan.countries = metric.country === null ? [] : [metric.country];
  const value = metricOf(plan, metric.country);
  const d = plan.inputs.length;
  const sobolCount = o.samples === 0 ? 0 : Math.min(o.sobolInputs, d);
  const total = 1 + 2 * d + (o.samples === 0 ? 0 : o.samples * (2 + sobolCount));
  let before = 0;
  const progress = (done: number) => o.onProgress?.(before + done, total);

  const oat: Point[] = [{ set: [] }];
  plan.inputs.forEach((x, k) => oat.push({ set: [[k, x.low]] }, { set: [[k, x.high]] }));
  const oatRows = await evaluatePoints(graph, plan, oat, { threads: o.threads, onProgress: progress });
  before += oat.length;
  const inputs: InputSensitivity[] = plan.inputs.map((x, k) => {
    const at = (p: number) => {
      const v = value(oatRows, p);
      return Number.isNaN(v) ? null : clean(v);
    };
    const low = at(1 + 2 * k);
    const high = at(2 + 2 * k);
    return {
      kind: x.kind,
      id: x.id,
      attribute: x.attribute,
      value: x.value,
      range: { low: x.low, high: x.high },
      why: x.why,
      origin: x.origin,
      low,
      high,
      swing: low === null || high === null ? 0 : clean(Math.abs(high - low)),
      sobol: null,
    };
  });
  const order = inputs.map((_, k) => k).sort((a, b) => compareInputs(inputs[a]!, inputs[b]!));

  let interval: Interval | null = null;
  if (sobolCount > 0) {
    const n = o.samples;
    const chosen = order.slice(0, sobolCount);
    const points: Point[] = [];
    for (let j = 0; j < n; j++) points.push({ sample: j, stream: 0 }, { sample: j, stream: 1 });
    for (const k of chosen) for (let j = 0; j < n; j++) points.push({ sample: j, stream: 0, swap: [k] });
    const rows = await evaluatePoints(graph, plan, points, { threads: o.threads, onProgress: progress });
    const fA = Float64Array.from({ length: n }, (_, j) => value(rows, 2 * j));
    const fB = Float64Array.from({ length: n }, (_, j) => value(rows, 2 * j + 1));
    const fAB = chosen.map((_, c) =>
      Float64Array.from({ length: n }, (_, j) => value(rows, 2 * n + c * n + j)),
    );
    const s = sobolIndices(fA, fB, fAB);
    chosen.forEach((k, c) => {
      const first = s.first[c]!;
      const tot = s.total[c]!;
      inputs[k]!.sobol = {
        first: first === null ? null : clean(first),
        total: tot === null ? null : clean(tot),
      };
    });
    interval = intervalOf(Float64Array.from([...fA, ...fB]));
  }
  return {
    metric: metric.name,
    nominal: Number.isNaN(value(oatRows, 0)) ? null : clean(value(oatRows, 0)),
    samples: sobolCount > 0 ? { n: o.samples, seed: o.seed } : null,
    distribution: o.distribution,
    interval,
    inputs: order.map((k) => inputs[k]!),
  };
}

function compareInputs(a: InputSensitivity, b: InputSensitivity): number {
  const by = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
  return b.swing - a.swing || by(a.kind, b.kind) || by(a.id, b.id) || by(a.attribute, b.attribute);
}
