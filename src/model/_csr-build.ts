/**
 * Building the integer view (`Csr`, `csr.ts`): from a graphology graph, from the checked parts or columns a
 * loader made, or from plain lists. Nodes are numbered by sorted id (`_csr-nodes.ts`, with their supply slots),
 * edges in out-list order (by source, then target: `_edge-lists.ts`); each edge's slot is found here.
 */
import type { EdgeAttributes, GraphAttributes, NodeAttributes, SupplyGraph } from "./types.js";
import type { CheckedColumns, CheckedGraph } from "./_checked.js";
import type { Csr } from "./csr.js";
import type { NodeColumns } from "./_node-table.js";
import { type NodePart, nodePartOf } from "./_csr-nodes.js";
import { type EdgeLists, edgeListsOf } from "./_edge-lists.js";

/**
 * What `csrFromLists` needs: node ids with attributes (any order) and edges as node positions in those lists.
 * Edge keys are given only when some edge's key is not `source->target`.
 */
export interface GraphLists {
  graphAttributes: GraphAttributes;
  ids: string[];
  /** Attributes by position in `ids`: objects, or columns (`NodeColumns`: objects made on first access). */
  attributes: NodeAttributes[] | NodeColumns;
  edgeSource: Int32Array;
  edgeTarget: Int32Array;
  /** Edge attributes (lead time and volume are read from them), or those two as columns (NaN when missing). */
  edgeAttributes?: ArrayLike<EdgeAttributes>;
  edgeColumns?: { leadTime: Float64Array; volume: Float64Array };
  edgeKeys: (string | undefined)[] | null;
  /** id → position in `ids`, if the caller has it and gives it up (it becomes the view's `index`). */
  positions?: Map<string, number>;
  /**
   * The positions in `ids` in the order of their ids by `<` (`order[k]` = position of the k-th smallest), if
   * the caller has it: then no sort and no Map (the view's `index` searches the sorted ids).
   */
  order?: Int32Array;
  /**
   * The edges already in the view's order (`edgeListsOf` with the rank of `order`, which must be given), when the
   * caller built them (a large Parquet table's worker thread does, beside the checks).
   */
  edgeLists?: EdgeLists;
}

/** Build the CSR view of a graphology graph. */
export function buildCsr(graph: SupplyGraph): Csr {
  const ids = graph.nodes();
  const position = new Map<string, number>();
  for (let i = 0; i < ids.length; i++) position.set(ids[i]!, i);
  const m = graph.size;
  const edgeSource = new Int32Array(m);
  const edgeTarget = new Int32Array(m);
  const edgeAttributes: EdgeAttributes[] = new Array(m);
  const edgeKeys: string[] = new Array(m);
  let e = 0;
  let plainKeys = true;
  graph.forEachEdge((key, attributes, s, t) => {
    edgeSource[e] = position.get(s)!;
    edgeTarget[e] = position.get(t)!;
    edgeAttributes[e] = attributes;
    edgeKeys[e] = key;
    if (plainKeys && key !== `${s}->${t}`) plainKeys = false;
    e++;
  });
  return csrFromLists({
    graphAttributes: graph.getAttributes(),
    ids,
    attributes: ids.map((id) => graph.getNodeAttributes(id)),
    edgeSource,
    edgeTarget,
    edgeAttributes,
    edgeKeys: plainKeys ? null : edgeKeys,
  });
}

/** Build the CSR view from a checked graph file, without a graphology graph (large files). */
export function csrFromChecked(parts: CheckedGraph): Csr {
  const m = parts.edges.length;
  const edgeSource = new Int32Array(m);
  const edgeTarget = new Int32Array(m);
  const edgeAttributes: EdgeAttributes[] = new Array(m);
  let edgeKeys: (string | undefined)[] | null = null;
  for (let e = 0; e < m; e++) {
    const edge = parts.edges[e]!;
    edgeSource[e] = edge.si;
    edgeTarget[e] = edge.ti;
    edgeAttributes[e] = edge.attributes;
    if (edge.key !== undefined) {
      edgeKeys ??= new Array(m);
      edgeKeys[e] = edge.key;
    }
  }
  return csrFromLists({
    graphAttributes: parts.attributes,
    ids: [...parts.nodes.keys()],
    attributes: [...parts.nodes.values()],
    edgeSource,
    edgeTarget,
    edgeAttributes,
    edgeKeys,
  });
}

/** Build the CSR view from checked columns (a streamed load of a large file: no edge attribute objects). */
export function csrFromColumns(columns: CheckedColumns): Csr {
  return csrFromLists(listsOfColumns(columns));
}

/**
 * `csrFromColumns` with the view's edge arrays still being built (`edgeListsOf` for `columns.order`, on the
 * Parquet edges' worker thread): the nodes' part of the view is built meanwhile. When they come as null, the
 * edges' part is built here, as `csrFromColumns` builds it.
 */
export async function csrFromColumnsAsync(
  columns: CheckedColumns,
  edgeLists: Promise<EdgeLists | null>,
): Promise<Csr> {
  const lists = listsOfColumns(columns);
  const nodes = nodePartOf(lists);
  const edges = await edgeLists;
  return viewOf(edges && columns.order ? { ...lists, edgeLists: edges } : lists, nodes);
}

function listsOfColumns(columns: CheckedColumns): GraphLists {
  return {
    graphAttributes: columns.attributes,
    ids: columns.ids,
    attributes: columns.nodeAttributes,
    edgeSource: columns.edgeSource,
    edgeTarget: columns.edgeTarget,
    edgeColumns: { leadTime: columns.leadTime, volume: columns.volume },
    edgeKeys: columns.edgeKeys,
    ...(columns.positions ? { positions: columns.positions } : {}),
    ...(columns.order ? { order: columns.order } : {}),
  };
}

/** Build the CSR view from node and edge lists: a sort of the ids, then linear passes. */
export function csrFromLists(lists: GraphLists): Csr {
  return viewOf(lists, nodePartOf(lists));
}

/** The view of the lists, their nodes' part built (`nodePartOf`). */
function viewOf(lists: GraphLists, nodes: NodePart): Csr {
  const { ids, rank, nodeAttributes, index, material, slotOffsets, slotMaterial } = nodes;
  const n = ids.length;
  const m = lists.edgeSource.length;
  // The edges in the view's order: built already for this order on the edges' worker thread (a large Parquet
  // table), or here, with the same function.
  const edges =
    lists.edgeLists && lists.order
      ? lists.edgeLists
      : edgeListsOf(n, lists.edgeSource, lists.edgeTarget, rank, ...edgeValues(lists));
  const { outOffsets, inOffsets, inEdges, edgeSource, edgeTarget, fileEdge, leadTime, volume, volumeGiven } =
    edges;
  const source = new Uint8Array(n);
  const sourceIfNoInEdge = nodes.sourceIfNoInEdge;
  for (let v = 0; v < n; v++) source[v] = inOffsets[v + 1] === inOffsets[v] ? sourceIfNoInEdge[v]! : 0;
  const keys = lists.edgeKeys;
  const edgeKeys = keys ? Array.from(fileEdge, (e) => keys[e]) : null;
  // the edges are numbered in out-list order: the file positions' array is free to hold the out-lists
  const outEdges = fileEdge;
  for (let i = 0; i < m; i++) outEdges[i] = i;

  const edgeSlot = new Int32Array(m).fill(-1);
  for (let i = 0; i < m; i++) {
    const t = edgeTarget[i]!;
    const from = slotOffsets[t]!;
    const to = slotOffsets[t + 1]!;
    if (slotMaterial[from] === -1) edgeSlot[i] = from;
    else {
      const mat = material[edgeSource[i]!]!;
      for (let s = from; s < to; s++) if (slotMaterial[s] === mat) edgeSlot[i] = s;
    }
  }
  return {
    n,
    m,
    ids,
    index,
    nodeAttributes,
    graphAttributes: lists.graphAttributes,
    outOffsets,
    outEdges,
    inOffsets,
    inEdges,
    edgeSource,
    edgeTarget,
    edgeKeys,
    leadTime,
    volume,
    volumeGiven,
    materials: nodes.materials,
    material,
    countries: nodes.countries,
    country: nodes.country,
    source,
    demand: nodes.demand,
    slotOffsets,
    slotMaterial,
    edgeSlot,
  };
}

/** Lead time and volume by the caller's edge order (NaN: not given), from the columns or the attributes. */
function edgeValues(lists: GraphLists): [Float64Array, Float64Array] {
  if (lists.edgeColumns) return [lists.edgeColumns.leadTime, lists.edgeColumns.volume];
  const m = lists.edgeSource.length;
  const leadIn = new Float64Array(m);
  const volumeIn = new Float64Array(m);
  for (let e = 0; e < m; e++) {
    const attributes = lists.edgeAttributes![e]!;
    leadIn[e] = attributes.leadTimeDays ?? Number.NaN;
    volumeIn[e] = attributes.volume ?? Number.NaN;
  }
  return [leadIn, volumeIn];
}
