/**
 * A scenario: a composable list of disruptions applied to a supply graph. Stored as JSON in
 * `graphs/scenarios/` (schema below) or given as CLI flags; both become this one type.
 */
import { z } from "zod";

/** Node attributes a selector can match; several keys in one selector are a conjunction. */
export const SELECTOR_KEYS = ["node", "country", "stage", "operator", "status", "output"] as const;
export type SelectorKey = (typeof SELECTOR_KEYS)[number];

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
  /**
   * Relative ranges for values the graph file gives no range (docs/uncertainty.md): every `attribute` of the
   * selected nodes is taken as uncertain by ±`relative` (low clipped at 0), until the data carries its own.
   * `attribute` is a node attribute that may carry a range, or `recipe` for every recipe amount.
   */
  uncertainty: z
    .array(
      z.strictObject({
        select: selectorSchema,
        attribute: z.string().min(1),
        relative: z.number().gt(0).lt(1),
      }),
    )
    .optional(),
  /** Bring planned and under-construction facilities online. */
  includePlanned: z.boolean().optional(),
  /** Bring online the pipeline facilities due by this year (implies includePlanned for them). */
  year: z.number().int().optional(),
});

/** A scenario as written in a file or built from flags. */
export type Scenario = z.infer<typeof scenarioSchema>;

/** A relative-range rule of a scenario's `uncertainty`. */
export type UncertaintyRule = NonNullable<Scenario["uncertainty"]>[number];

/** An edge cut: `from`/`to` country codes or `*`. */
export type EdgeCut = NonNullable<Scenario["cut"]>[number];

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
