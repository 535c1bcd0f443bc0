/**
 * The one data model of chokepoint: node, edge and graph attributes of a supply graph, used alike by the
 * library, the CLI and the viewer. A graph file is graphology's serialization JSON of a `SupplyGraph`.
 */
import type { DirectedGraph } from "graphology";

/** Facility status. Only `operating` and `idle` facilities exist in a baseline; the others are pipeline. */
export type FacilityStatus = "operating" | "construction" | "planned" | "idle";

/**
 * The plausible interval of an estimated value: `low ≤ value ≤ high`, in the value's unit. Sampled by the
 * Monte Carlo and sensitivity analyses (src/uncertainty/, docs/uncertainty.md).
 */
export interface ValueRange {
  low: number;
  high: number;
  /** How the bounds were set (required in the bundled graphs by a data test; optional in the format). */
  why?: string;
}

/**
 * Ranges of a node's or edge's estimates, keyed by attribute name (`capacity`, `volume`, ...) or, for a recipe
 * amount, `recipe.<material>`. A key needs its value: a range on an absent (unlimited) capacity is an error.
 */
export type Ranges = Record<string, ValueRange>;

/** Attributes of a facility, stockpile or consumer. Quantities are per year in the graph's `units`. */
export interface NodeAttributes {
  /** Display name. */
  label: string;
  /** One of the graph's `stages`. */
  stage: string;
  /** ISO 3166-1 alpha-2 code; `ZZ` (user-assigned) when unknown. */
  country: string;
  operator?: string;
  lat?: number;
  lon?: number;
  /** Output per year, in tonnes of `output`. Absent = not limited. */
  capacity?: number;
  /** The material this node produces; the material on every outgoing edge. */
  output?: string;
  /** Material → amount of it per unit of output. The node needs ALL of them. Absent = any supplier will do. */
  recipe?: Record<string, number>;
  /** Consumption per year; a node with positive demand is a consumer. */
  demand?: number;
  /** Private stock on a consumer, in days of its demand. */
  stockpileDays?: number;
  /** Stockpile nodes: tonnes of `output` held for the node's country (a one-off amount, not a flow). */
  stock?: number;
  /** Days to restore the node after a disruption (time-to-recover). */
  recoveryDays?: number;
  /**
   * Intermediate facilities (`simulate`): stock of the node's inputs, in days of its baseline output (its
   * out-volume, or its capacity when it ships no volume). Drawn only through the node's own capacity.
   */
  stockDays?: number;
  /**
   * Days a buyer needs to qualify a supplier it did not buy from in the baseline (`simulate`); absent = the
   * stage default of `DEFAULT_QUALIFICATION_DAYS` in `src/simulate/`.
   */
  qualificationDays?: number;
  /**
   * Days a pipeline facility takes from its start (`since`) to nameplate capacity, ramping linearly (`simulate`);
   * absent = `DEFAULT_RAMP_DAYS` in `src/simulate/`.
   */
  rampDays?: number;
  /** Consumers: value per year of the production that depends on this supply, in the graph's `currency`. */
  valuePerYear?: number;
  status?: FacilityStatus;
  /** Year the facility started, or is due to start. */
  since?: number;
  /** Publications (with year) or URLs the figures come from. */
  sources?: string[];
  /** How estimates were made. */
  notes?: string;
  /** Intervals of the estimates among the attributes above (see `Ranges`). */
  ranges?: Ranges;
  /** Attributes outside the format are kept as they are (the loader warns about them). */
  [extra: string]: unknown;
}

/** Attributes of a supply relation; the material is the source node's `output`. */
export interface EdgeAttributes {
  /** Baseline flow per year, in tonnes of the source node's output. */
  volume?: number;
  /** Per year; absent = not limited. */
  capacity?: number;
  leadTimeDays?: number;
  sources?: string[];
  notes?: string;
  /** Intervals of `volume`, `capacity`, `leadTimeDays` (see `Ranges`). */
  ranges?: Ranges;
  [extra: string]: unknown;
}

/** What a tonne of one material is: the graph attribute `materials` (see the data README). */
export interface MaterialInfo {
  label?: string;
  /** e.g. "t REO". */
  unit?: string;
  /** Tonnes of REO equivalent per tonne of the material. */
  reoFactor?: number;
  /** Value per tonne, in the graph's currency. */
  valuePerTonne?: number;
  sources?: string[];
  [extra: string]: unknown;
}

/** Attributes of the whole graph. */
export interface GraphAttributes {
  name?: string;
  year?: number;
  /** Ordered stage names, upstream first. */
  stages: string[];
  units?: string;
  currency?: string;
  /** Stages whose output counts as a country's imports in the concentration report. */
  importStages?: string[];
  /** Material name → what a tonne of it is (unit, t REO equivalent per tonne, value per tonne, sources). */
  materials?: Record<string, MaterialInfo>;
  sources?: string[];
  notes?: string;
  [extra: string]: unknown;
}

/** A loaded, validated supply graph: directed, no multi-edges, no self-loops, deterministic edge keys. */
export type SupplyGraph = DirectedGraph<NodeAttributes, EdgeAttributes, GraphAttributes>;

/** Severity of a problem found while loading. */
export type Severity = "error" | "warning";

/** One problem found in a graph file, with everything needed to find and fix it. */
export interface Problem {
  severity: Severity;
  /** Stable machine-readable code, e.g. `E_DANGLING_EDGE`, `W_SELF_LOOP`. */
  code: string;
  /** JSON pointer into the file, e.g. `/edges/12/attributes/capacity`; `""` for the whole file. */
  path: string;
  message: string;
  nodeId?: string;
  edgeId?: string;
  hint?: string;
}

/** The country code used for nodes whose country is missing. */
export const UNKNOWN_COUNTRY = "ZZ";

/** A node is a consumer when it has positive demand. */
export function isConsumer(attributes: NodeAttributes): boolean {
  return (attributes.demand ?? 0) > 0;
}

/** A stockpile holds a one-off `stock`; it carries no flow and is never a source. */
export function isStockpile(attributes: NodeAttributes): boolean {
  return attributes.stock !== undefined;
}

/** Pipeline facilities (not part of the baseline unless a scenario brings them in). */
export function isPipeline(attributes: NodeAttributes): boolean {
  return attributes.status === "planned" || attributes.status === "construction";
}

/**
 * A source: no incoming edge in the file, not a consumer, not a stockpile (mines, recyclers).
 * Decided on the file's graph, never on a scenario graph: a node that loses its suppliers is not a source.
 */
export function isSource(graph: SupplyGraph, node: string): boolean {
  const attributes = graph.getNodeAttributes(node);
  return graph.inDegree(node) === 0 && !isConsumer(attributes) && !isStockpile(attributes);
}
