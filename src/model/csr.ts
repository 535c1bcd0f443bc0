/**
 * A compact, integer-indexed view of a supply graph (CSR: compressed sparse rows, in typed arrays), built once
 * so the hot loops of every analysis run on arrays, not on string-keyed objects (perf-anchors.md: graphology
 * traversal is 20-50x slower at 10^6 nodes). Node indices follow the sorted ids, so "ties broken by index"
 * means "ties broken by id".
 *
 * Supply semantics live here too, as "slots": a node without a recipe has one slot that any supplier fills; a
 * node with a recipe has one slot per recipe material, filled only by suppliers whose `output` is that material.
 * A node is supplied when all its slots are filled (or it is a source of the FILE graph).
 */
import type { GraphAttributes, NodeAttributes, SupplyGraph } from "./types.js";
import { buildCsr } from "./_csr-build.js";
import type { NodeAttributeTable } from "./_node-table.js";

// How views are built (from a graphology graph, checked parts, checked columns or plain lists) is in its own module.
export {
  buildCsr,
  csrFromChecked,
  csrFromColumns,
  csrFromColumnsAsync,
  csrFromLists,
  type GraphLists,
} from "./_csr-build.js";
export type { NodeAttributeTable } from "./_node-table.js";

/**
 * The integer view of a graph, with its node attributes, so analyses, reports and scenarios need nothing else:
 * large files are loaded straight into this view without a graphology graph (`io/load-graph-table.ts`).
 * Scenario masks are separate (`scenarioMasks`), so one view serves many scenarios.
 */
export interface Csr {
  n: number;
  m: number;
  /** Index → node id (sorted). */
  ids: string[];
  /** Node id → index (a Map, or a lookup over the sorted ids: `_id-index.ts`). */
  index: ReadonlyMap<string, number>;
  /**
   * Index → the node's attributes: `at(v)` gives node v's object (the graph's or the checked file's, or made on
   * first access from a Parquet file's columns; treat as read-only), `value(v, key)` one attribute without it.
   */
  nodeAttributes: NodeAttributeTable;
  graphAttributes: GraphAttributes;
  /**
   * Out-adjacency: out-edges of v are `outEdges[outOffsets[v] .. outOffsets[v+1])` (edge indices). Edges are
   * numbered in out-list order (sorted by source, then target), so `outEdges[i] === i`: hot loops may walk
   * `e` from `outOffsets[v]` to `outOffsets[v+1]` directly.
   */
  outOffsets: Int32Array;
  outEdges: Int32Array;
  /** In-adjacency, same layout. */
  inOffsets: Int32Array;
  inEdges: Int32Array;
  /** Edge index → endpoints, lead time (days; NaN when missing), baseline volume (0 when missing). */
  edgeSource: Int32Array;
  edgeTarget: Int32Array;
  /** Edge index → key; null when every key is `source->target` (see `edgeKeyOf`). */
  edgeKeys: (string | undefined)[] | null;
  leadTime: Float64Array;
  volume: Float64Array;
  /** 1 when the edge has a `volume` attribute (a 0 in `volume` may be given or missing). */
  volumeGiven: Uint8Array;
  /** Interned materials; `material[v]` = index of v's output, -1 when none. */
  materials: string[];
  material: Int32Array;
  /** Interned countries (sorted); `country[v]` = index. */
  countries: string[];
  country: Int32Array;
  /** 1 when v is a source of the file graph (no in-edge, not a consumer, not a stockpile). */
  source: Uint8Array;
  /** Demand (t/yr); positive marks a consumer. */
  demand: Float64Array;
  /** Slots of v: `slotOffsets[v] .. slotOffsets[v+1]`; `slotMaterial[s]` = recipe material or -1 (any). */
  slotOffsets: Int32Array;
  slotMaterial: Int32Array;
  /** The slot an edge fills at its target, -1 when its material is not in the target's recipe. */
  edgeSlot: Int32Array;
}

/** A graph as analyses take it: the graphology graph, or its integer view. */
export type GraphInput = SupplyGraph | Csr;

/** True when the input is already the integer view. */
export function isCsr(input: GraphInput): input is Csr {
  return (input as Csr).edgeSlot instanceof Int32Array;
}

/** The integer view of an input: the view itself, the one given, or a fresh one. */
export function csrOf(input: GraphInput, given?: Csr): Csr {
  if (isCsr(input)) return input;
  return given ?? buildCsr(input);
}

/** The key of edge `e`. */
export function edgeKeyOf(csr: Csr, e: number): string {
  return csr.edgeKeys?.[e] ?? `${csr.ids[csr.edgeSource[e]!]}->${csr.ids[csr.edgeTarget[e]!]}`;
}

/** The attributes of a node by id. @throws Error when the id is not in the view. */
export function nodeAttributesOf(csr: Csr, id: string): NodeAttributes {
  const v = csr.index.get(id);
  if (v === undefined) throw new Error(`node "${id}" is not in the graph`);
  return csr.nodeAttributes.at(v);
}
