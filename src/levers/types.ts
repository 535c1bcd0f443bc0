/**
 * A lever: a named, documented transform of a supply graph that takes one policy pillar AWAY (Japan's post-2010
 * pillars: diversification, alternative technology, stockpiling, recycling). Stored as JSON in `graphs/levers/`.
 * The format is the scenario format (`remove`, `cut`, `scale`: masks, see `src/scenario/types.ts`) plus `edits`
 * that set attributes on selected nodes or edges of a COPY of the graph (e.g. "these magnet makers need Dy/Tb like
 * standard grades"). Because a lever only takes away, "taken away alone" and "kept alone" (every other lever
 * taken away) are both compositions of lever files.
 */
import { z } from "zod";
import {
  type NodeSelector,
  type SameType,
  type Scenario,
  scenarioSchema,
  selectorSchema,
} from "../scenario/types.js";

/** Node attributes an edit may set. Only flow-relevant quantities: identity and location stay as sourced. */
export const nodeSetSchema = z.strictObject({
  /** Material → amount per unit of output (replaces the whole recipe). */
  recipe: z.record(z.string().min(1), z.number().positive()).optional(),
  capacity: z.number().min(0).optional(),
  stockpileDays: z.number().min(0).optional(),
  stock: z.number().min(0).optional(),
});

/** Edge attributes an edit may set. `capacity: 0` = the relation carries nothing (the edge stays in the file). */
export const edgeSetSchema = z.strictObject({
  capacity: z.number().min(0).optional(),
  volume: z.number().min(0).optional(),
});

/** Set attributes on every node the selector matches (it must match at least one). */
export const nodeEditSchema = z.strictObject({
  select: selectorSchema,
  set: nodeSetSchema,
  /** Why: the source or reasoning of this edit. */
  note: z.string().optional(),
});

/** Set attributes on every edge from a node matching `from` to a node matching `to` (at least one). */
export const edgeEditSchema = z.strictObject({
  selectEdge: z.strictObject({ from: selectorSchema, to: selectorSchema }),
  set: edgeSetSchema,
  note: z.string().optional(),
});

/**
 * Add a supply relation (e.g. a magnet maker that would need Dy/Tb gets the supplier its peers use). Only between
 * existing nodes, never a new one, and never into a node without suppliers (that would stop it being a source).
 */
export const addEdgeSchema = z.strictObject({
  source: z.string().min(1),
  target: z.string().min(1),
  volume: z.number().min(0).optional(),
  capacity: z.number().min(0).optional(),
  note: z.string().optional(),
});

/** The JSON schema of a lever file: a scenario plus `pillar`, `edits` and `addEdges`. */
export const leverSchema = scenarioSchema
  // A lever is permanent: the scenario's timing (for `simulate`) has no meaning here.
  .omit({
    includePlanned: true,
    year: true,
    startDay: true,
    durationDays: true,
    startDate: true,
    endDate: true,
  })
  .extend({
    /** The policy pillar this lever takes away, e.g. `stockpile`. */
    pillar: z.string().min(1),
    edits: z.array(z.union([nodeEditSchema, edgeEditSchema])).optional(),
    addEdges: z.array(addEdgeSchema).optional(),
  })
  .strict();

/**
 * Node attributes an edit may set (each at least 0; recipe amounts positive). A type alias, not an interface,
 * so it passes as a plain record of attributes.
 */
export type NodeSet = {
  /** Material → amount per unit of output (replaces the whole recipe). */
  recipe?: Record<string, number>;
  capacity?: number;
  stockpileDays?: number;
  stock?: number;
};

/** Set attributes on every node the selector matches (it must match at least one). */
export interface NodeEdit {
  select: NodeSelector;
  set: NodeSet;
  /** Why: the source or reasoning of this edit. */
  note?: string;
}

/** Set attributes on every edge from a node matching `from` to a node matching `to` (at least one). */
export interface EdgeEdit {
  selectEdge: { from: NodeSelector; to: NodeSelector };
  set: { capacity?: number; volume?: number };
  note?: string;
}

/** Add a supply relation between existing nodes, never into a node without suppliers. */
export interface AddEdge {
  source: string;
  target: string;
  volume?: number;
  capacity?: number;
  note?: string;
}

/**
 * A lever as written in a file: a scenario's `remove`, `cut` and `scale` plus `pillar`, `edits` and `addEdges`.
 * An interface so the public types do not expose zod; the checks below keep it equal to the schema.
 */
export interface Lever extends Omit<Scenario, "includePlanned" | "year"> {
  /** The policy pillar this lever takes away, e.g. `stockpile`. */
  pillar: string;
  edits?: Array<NodeEdit | EdgeEdit>;
  addEdges?: AddEdge[];
}

const _LEVER_SCHEMA_MATCHES: SameType<z.infer<typeof leverSchema>, Lever> = true;
const _NODE_EDIT_SCHEMA_MATCHES: SameType<z.infer<typeof nodeEditSchema>, NodeEdit> = true;
const _EDGE_EDIT_SCHEMA_MATCHES: SameType<z.infer<typeof edgeEditSchema>, EdgeEdit> = true;
const _ADD_EDGE_SCHEMA_MATCHES: SameType<z.infer<typeof addEdgeSchema>, AddEdge> = true;

/** One attribute changed by an edit. `before` is `null` when the attribute was absent. */
export interface AttributeChange {
  attribute: string;
  before: unknown;
  after: unknown;
}

/**
 * Exactly what a lever changes on one graph. Masked nodes and edges stay in the graph (so a node that loses its
 * suppliers is still not a source) and are listed here; edited ones carry their before/after values.
 */
export interface LeverChanges {
  lever: string;
  pillar: string;
  /** Nodes the lever's `remove` selectors take out, sorted. */
  removedNodes: string[];
  /** Keys of edges the lever's `cut` rules take out, sorted. */
  cutEdges: string[];
  /** Nodes whose capacity the lever's `scale` rules change: id → capacity under the lever, keys sorted. */
  scaledNodes: Record<string, number>;
  /** Edited nodes, sorted by id, with each changed attribute (sorted by name). Unchanged values are not listed. */
  editedNodes: Array<{ id: string; changes: AttributeChange[] }>;
  /** Edited edges, sorted by key. */
  editedEdges: Array<{ key: string; source: string; target: string; changes: AttributeChange[] }>;
  /** Added edges (`source->target` keys), sorted. */
  addedEdges: string[];
}
