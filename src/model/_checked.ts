/** A graph file's content once checked, before it is built into a graph object (graphology or `Csr`). */
import type { EdgeAttributes, GraphAttributes, NodeAttributes } from "./types.js";
import type { NodeColumns } from "./_node-table.js";

/** One checked edge; `si`/`ti` are the positions of its ends in `CheckedGraph.nodes` (-1: dangling). */
export interface CheckedEdge {
  /** The key given in the file; undefined = the default `source->target` (see `edgeKey`). */
  key: string | undefined;
  source: string;
  target: string;
  si: number;
  ti: number;
  attributes: EdgeAttributes;
  /** Position in the file's edge list (for messages). */
  index: number;
}

/** A checked graph before it is built into a graph object (graphology, or the integer view). */
export interface CheckedGraph {
  attributes: GraphAttributes;
  /** Node id → attributes, in file order. */
  nodes: Map<string, NodeAttributes>;
  /** Kept edges in file order (self-loops dropped). */
  edges: CheckedEdge[];
}

/** The key of a checked edge. */
export function edgeKey(edge: CheckedEdge): string {
  return edge.key ?? `${edge.source}->${edge.target}`;
}

/**
 * A checked graph as columns: what the integer view needs, without an object per edge (a streaming load of a
 * 10^6-node file keeps only these). Nodes are by position in the file's node list; edges in file order.
 */
export interface CheckedColumns {
  attributes: GraphAttributes;
  ids: string[];
  /** Attributes by position in `ids`: objects, or columns whose objects are made on first access. */
  nodeAttributes: NodeAttributes[] | NodeColumns;
  /** Edge → positions of its ends in `ids`. */
  edgeSource: Int32Array;
  edgeTarget: Int32Array;
  /** Edge → volume, lead time (NaN when missing). */
  volume: Float64Array;
  leadTime: Float64Array;
  /** Edge → key given in the file; null when no edge has one. */
  edgeKeys: (string | undefined)[] | null;
  /** Node id → position in `ids` (the checker's Map; the integer view takes it over as its index). */
  positions?: Map<string, number>;
  /** The positions in `ids` in the order of their ids (`<`), when the loader has it (no Map then). */
  order?: Int32Array;
}
