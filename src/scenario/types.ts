/**
 * A scenario: a composable list of disruptions applied to a supply graph. Stored as JSON in
 * `graphs/scenarios/` (schema below) or given as CLI flags; both become this one type.
 */
import { z } from "zod";

/** A node attribute a selector can match (`node` matches the id). */
export type SelectorKey = "node" | "country" | "stage" | "operator" | "status" | "output";

/** Node attributes a selector can match; several keys in one selector are a conjunction. */
export const SELECTOR_KEYS: readonly SelectorKey[] = [
  "node",
  "country",
  "stage",
  "operator",
  "status",
  "output",
];

/** `{country: "CN", stage: "refinery"}` = Chinese refineries. */
export type NodeSelector = Partial<Record<SelectorKey, string>>;

/** A node selector's shape (`{country, stage, operator, node, status, output}`; keys are ANDed). */
const selectorShape = z.strictObject({
  node: z.string().min(1).optional(),
  country: z.string().min(1).optional(),
  stage: z.string().min(1).optional(),
  operator: z.string().min(1).optional(),
  status: z.string().min(1).optional(),
  output: z.string().min(1).optional(),
});

/** The node selector schema of `remove`, `scale` and lever edits: at least one key. */
export const selectorSchema = selectorShape
  // `{}` matches every node: in `remove` it would silently drop the whole graph, in a lever edit every node.
  .refine((s) => Object.keys(s).length > 0, {
    message: "an empty selector would select every node; name at least one key (node, country, stage, ...)",
  });

/**
 * When a disruption starts and how long it lasts, in days from the start of a simulation (`chokepoint simulate`).
 * The yearly analyses ignore timing: for them every disruption is permanent.
 */
const timingKeys = {
  /** First day of the disruption (day 0 = the start of the simulation). */
  startDay: z.number().int().min(0).optional(),
  /** Days the disruption lasts; absent = to the end of the horizon. */
  durationDays: z.number().positive().finite().optional(),
};

/** A calendar date `yyyy-mm-dd` that exists (2025-02-30 does not). */
const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "expected a date yyyy-mm-dd")
  .refine((text) => {
    const date = new Date(`${text}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
  }, "not a calendar date");

/** The JSON schema of a scenario file. */
export const scenarioSchema = z.strictObject({
  name: z.string().min(1),
  description: z.string().optional(),
  sources: z.array(z.string()).optional(),
  /** Nodes to remove: the union of the selectors. */
  remove: z.array(selectorSchema.extend(timingKeys)).optional(),
  /**
   * Edges to cut between countries; `*` = any other country; `material` = the source node's output. With
   * `origin`, only the goods whose content from `origin.country` reaches `origin.atLeast` of their value (or
   * mass) are cut, and only exports from outside that country (docs/scenarios.md, "Origin rules").
   */
  cut: z
    .array(
      z.strictObject({
        from: z.string().min(1),
        to: z.string().min(1),
        material: z.string().min(1).optional(),
        origin: z
          .strictObject({
            country: z.string().regex(/^[A-Z]{2}$/, "expected an ISO 3166-1 alpha-2 code such as CN"),
            atLeast: z.number().gt(0).max(1),
            basis: z.enum(["value", "mass"]),
          })
          .optional(),
        ...timingKeys,
      }),
    )
    .optional(),
  /** Multiply the capacity of the selected nodes (unlimited nodes: their baseline out-volume) by `factor`. */
  scale: z
    .array(z.strictObject({ select: selectorSchema, factor: z.number().min(0), ...timingKeys }))
    .optional(),
  /**
   * Relative ranges for values the graph file gives no range (docs/uncertainty.md): every `attribute` of the
   * selected nodes is taken as uncertain by ±`relative` (low clipped at 0), until the data carries its own.
   * `attribute` is a node attribute that may carry a range, or `recipe` for every recipe amount. An empty
   * selector means every node here (nothing is removed or edited).
   */
  uncertainty: z
    .array(
      z.strictObject({
        select: selectorShape,
        attribute: z.string().min(1),
        relative: z.number().gt(0).lt(1),
      }),
    )
    .optional(),
  /** Bring planned and under-construction facilities online. */
  includePlanned: z.boolean().optional(),
  /** Bring online the pipeline facilities due by this year (implies includePlanned for them). */
  year: z.number().int().optional(),
  /**
   * Timing of the whole scenario for `simulate` (default: from day 0 to the end of the horizon). A rule's own
   * `startDay` / `durationDays` replace these for that rule. Days count from the start of the simulation.
   */
  ...timingKeys,
  /** Calendar date of `startDay` (informative; `simulate` also dates its periods with it). */
  startDate: isoDate.optional(),
  /** Calendar date the disruption ended (informative). */
  endDate: isoDate.optional(),
});

/** When a scenario or one of its rules applies, in days of a simulation (the yearly analyses ignore it). */
export interface RuleTiming {
  /** First day of the disruption (day 0 = the start of the simulation). */
  startDay?: number;
  /** Days the disruption lasts; absent = to the end of the horizon. */
  durationDays?: number;
}

/**
 * The condition of an origin rule (MOFCOM Announcement 61's "0.1% of the value" test): goods whose content
 * from `country` is at least `atLeast` of their value (`basis: "value"`) or of their rare-earth mass (`"mass"`).
 */
export interface OriginCondition {
  /** The origin country (ISO 3166-1 alpha-2). */
  country: string;
  /** Share in (0, 1]: 0.001 = 0.1%. A good at exactly this share is cut ("worth 0.1% or more"). */
  atLeast: number;
  /** What the share is of: the goods' value (Announcement 61's test) or their rare-earth mass (t REO eq.). */
  basis: "value" | "mass";
}

/**
 * An edge cut: the edges from a node in country `from` to a node in country `to` (`*` = any other country).
 * With `origin`, an origin rule: only edges from outside the origin country whose goods carry at least
 * `origin.atLeast` content from it (judged on the baseline mix the scenario's other rules leave; see
 * `originContent`).
 */
export interface EdgeCut extends RuleTiming {
  from: string;
  to: string;
  /** Only edges whose source node's `output` is this material. */
  material?: string;
  /** Makes the cut an origin rule: only goods with at least this much content from the origin country. */
  origin?: OriginCondition;
}

/** What one origin rule cut: each edge with the content share that put it over the threshold. */
export interface OriginCutResult {
  /** The rule as text, e.g. `*>*:NdFeB-magnet@CN>=0.1%value`. */
  rule: string;
  /** The edges it cut, sorted by key; `volume` = the edge's baseline volume (what the rule stops in a year). */
  edges: Array<{
    key: string;
    source: string;
    target: string;
    material: string | undefined;
    share: number;
    volume: number;
  }>;
  /** Edges the rule's pattern matched whose goods stay under the threshold (they keep flowing). */
  passed: number;
}

/** A capacity multiplier on the selected nodes (unlimited nodes: their baseline out-volume). */
export interface ScaleRule extends RuleTiming {
  select: NodeSelector;
  /** At least 0. */
  factor: number;
}

/** A relative-range rule of a scenario's `uncertainty`: ±`relative` on `attribute` of the selected nodes. */
export interface UncertaintyRule {
  select: NodeSelector;
  attribute: string;
  /** Between 0 and 1, exclusive. */
  relative: number;
}

/**
 * A scenario as written in a file, built in code (`buildScenario`) or from CLI flags: what to remove, cut and
 * scale, and which pipeline facilities come online. Declared as an interface (not inferred from the schema) so
 * the public types do not expose zod; `_SCENARIO_SCHEMA_MATCHES` below keeps the two equal.
 */
export interface Scenario extends RuleTiming {
  name: string;
  description?: string;
  sources?: string[];
  /** Nodes to remove: those matching any of the selectors. */
  remove?: RemoveRule[];
  cut?: EdgeCut[];
  scale?: ScaleRule[];
  /** Relative ranges for values without a range of their own (the uncertainty analyses). */
  uncertainty?: UncertaintyRule[];
  /** Bring planned and under-construction facilities online. */
  includePlanned?: boolean;
  /** Bring online the pipeline facilities due by this year. */
  year?: number;
  /** Calendar date the disruption began (informative, yyyy-mm-dd). */
  startDate?: string;
  /** Calendar date the disruption ended (informative, yyyy-mm-dd). */
  endDate?: string;
}

/** True when A and B are assignable both ways (a compile-time check that a schema and its interface agree). */
export type SameType<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const _SCENARIO_SCHEMA_MATCHES: SameType<z.infer<typeof scenarioSchema>, Scenario> = true;

/** A remove rule: a node selector, optionally timed. */
export type RemoveRule = NodeSelector & RuleTiming;

/** The baseline: nothing removed, pipeline excluded. */
export const BASELINE_SCENARIO: Scenario = { name: "baseline" };

/**
 * A scenario resolved against one graph. Nodes and edges are never deleted from the graph: analyses mask them,
 * so a node that loses its suppliers is still known not to be a source of the file.
 */
export interface AppliedScenario {
  name: string;
  description: string | undefined;
  /** Nodes removed by the scenario's `remove` selectors, sorted. */
  removedNodes: string[];
  /** Pipeline (planned / construction) and idle facilities not brought online, sorted. */
  excludedNodes: string[];
  /** Keys of edges cut by `cut` rules, sorted (edges of removed nodes are not listed). */
  removedEdges: string[];
  /** [source, target] of each edge in `removedEdges`, same order. */
  cutEdgeEnds: ReadonlyArray<readonly [string, string]>;
  /** Node → capacity under the scenario, for scaled nodes only. */
  scaledCapacity: Record<string, number>;
  /** Origin rules (cuts with `origin`), in scenario order: what each cut. Their edges are in `removedEdges` too. */
  originCuts: OriginCutResult[];
  /** Fast membership tests: nodes out (removed or excluded), and the edges cut (= `removedEdges`). */
  nodeOut: ReadonlySet<string>;
  /** Edges of nodes that are out are out too, and not listed here: test `nodeOut` for their ends. */
  edgeOut: ReadonlySet<string>;
  /** When each disruption happens, for `simulate`; the yearly analyses ignore it (they treat all as permanent). */
  timing: ScenarioTiming;
}

/** A disruption window in days from the start of a simulation. */
export interface DisruptionWindow {
  startDay: number;
  /** null = lasts to the end of the horizon. */
  durationDays: number | null;
}

/** The timing of an applied scenario: the window of every rule, resolved against the scenario's own. */
export interface ScenarioTiming {
  /** The scenario's window (top-level `startDay`, default 0, and `durationDays`). */
  window: DisruptionWindow;
  startDate: string | null;
  endDate: string | null;
  /** Removed node → the windows of the rules that remove it (it is out while any is on), keys sorted. */
  removed: Record<string, DisruptionWindow[]>;
  /** Cut edge key (as in `removedEdges`) → the windows of the cuts that hit it, keys sorted. */
  cut: Record<string, DisruptionWindow[]>;
  /**
   * Scaled node → its unscaled base capacity (an unlimited node: its baseline out-volume) and each rule's factor
   * with its window (factors of rules that are on at the same time compound), keys sorted.
   */
  scaled: Record<string, { base: number; factors: Array<{ factor: number; window: DisruptionWindow }> }>;
}
