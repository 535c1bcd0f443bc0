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

const selectorSchema = z.strictObject({
  node: z.string().min(1).optional(),
  country: z.string().min(1).optional(),
  stage: z.string().min(1).optional(),
  operator: z.string().min(1).optional(),
  status: z.string().min(1).optional(),
  output: z.string().min(1).optional(),
});

/** The JSON schema of a scenario file. */
export const scenarioSchema = z.strictObject({
  name: z.string().min(1),
  description: z.string().optional(),
  sources: z.array(z.string()).optional(),
  /** Nodes to remove: the union of the selectors. */
  remove: z.array(selectorSchema).optional(),
  /** Edges to cut between countries; `*` = any other country; `material` = the source node's output. */
  cut: z
    .array(
      z.strictObject({
        from: z.string().min(1),
        to: z.string().min(1),
        material: z.string().min(1).optional(),
      }),
    )
    .optional(),
  /** Multiply the capacity of the selected nodes (unlimited nodes: their baseline out-volume) by `factor`. */
  scale: z.array(z.strictObject({ select: selectorSchema, factor: z.number().min(0) })).optional(),
  /** Bring planned and under-construction facilities online. */
  includePlanned: z.boolean().optional(),
  /** Bring online the pipeline facilities due by this year (implies includePlanned for them). */
  year: z.number().int().optional(),
});

/** An edge cut: the edges from a node in country `from` to a node in country `to` (`*` = any other country). */
export interface EdgeCut {
  from: string;
  to: string;
  /** Only edges whose source node's `output` is this material. */
  material?: string;
}

/** A capacity multiplier on the selected nodes (unlimited nodes: their baseline out-volume). */
export interface ScaleRule {
  select: NodeSelector;
  /** At least 0. */
  factor: number;
}

/**
 * A scenario as written in a file, built in code (`buildScenario`) or from CLI flags: what to remove, cut and
 * scale, and which pipeline facilities come online. Declared as an interface (not inferred from the schema) so
 * the public types do not expose zod; `_SCENARIO_SCHEMA_MATCHES` below keeps the two equal.
 */
export interface Scenario {
  name: string;
  description?: string;
  sources?: string[];
  /** Nodes to remove: those matching any of the selectors. */
  remove?: NodeSelector[];
  cut?: EdgeCut[];
  scale?: ScaleRule[];
  /** Bring planned and under-construction facilities online. */
  includePlanned?: boolean;
  /** Bring online the pipeline facilities due by this year. */
  year?: number;
}

/** True when A and B are assignable both ways (a compile-time check that a schema and its interface agree). */
export type SameType<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const _SCENARIO_SCHEMA_MATCHES: SameType<z.infer<typeof scenarioSchema>, Scenario> = true;

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
  /** Fast membership tests: nodes out (removed or excluded), and the edges cut (= `removedEdges`). */
  nodeOut: ReadonlySet<string>;
  /** Edges of nodes that are out are out too, and not listed here: test `nodeOut` for their ends. */
  edgeOut: ReadonlySet<string>;
}
