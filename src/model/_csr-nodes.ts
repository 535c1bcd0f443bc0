/**
 * The integer view's nodes (`Csr`, built in `_csr-build.ts`): sorted by id, with the columns the analyses read
 * of them (materials, countries, demand, supply slots). Everything of the view but its edges, so that it can be
 * built while the edges are still being built elsewhere (a Parquet edges table's worker thread).
 */
import type { NodeAttributes } from "./types.js";
import { SortedIdIndex } from "./_id-index.js";
import { type NodeAttributeTable, NodeColumns, NodeObjects } from "./_node-table.js";

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function intern(table: Map<string, number>, list: string[], key: string): number {
  let i = table.get(key);
  if (i === undefined) {
    i = list.length;
    list.push(key);
    table.set(key, i);
  }
  return i;
}

/** The nodes as a loader or a graph gives them (see `GraphLists` in `_csr-build.ts`). */
export interface NodeLists {
  ids: string[];
  attributes: NodeAttributes[] | NodeColumns;
  positions?: Map<string, number>;
  order?: Int32Array;
}

export interface SortedNodes {
  ids: string[];
  /** rank[i] = sorted index of list node i. */
  rank: Int32Array;
  nodeAttributes: NodeObjects | NodeColumns;
  index: ReadonlyMap<string, number>;
}

/** The attributes in sorted order: `rows[v]` = list position of sorted node v (null: the same order). */
function permuted(
  attributes: NodeAttributes[] | NodeColumns,
  rows: Int32Array | null,
): NodeObjects | NodeColumns {
  if (attributes instanceof NodeColumns) return rows === null ? attributes : attributes.permuted(rows);
  return rows === null ? new NodeObjects(attributes.slice()) : new NodeObjects(attributes).permuted(rows);
}

/** The nodes in the caller's sorted order (`GraphLists.order`). */
function nodesInOrder(
  listIds: string[],
  attributes: NodeAttributes[] | NodeColumns,
  order: Int32Array,
): SortedNodes {
  const n = listIds.length;
  const ids = new Array<string>(n);
  const rank = new Int32Array(n);
  for (let v = 0; v < n; v++) {
    const i = order[v]!;
    ids[v] = listIds[i]!;
    rank[i] = v;
  }
  return { ids, rank, nodeAttributes: permuted(attributes, order), index: new SortedIdIndex(ids) };
}

/** The nodes sorted by id, with the caller's id → position Map taken over when given. */
function sortNodes(
  listIds: string[],
  attributes: NodeAttributes[] | NodeColumns,
  positions: Map<string, number> | undefined,
): SortedNodes {
  const n = listIds.length;
  // The default sort compares UTF-16 code units, the order of `<`, without a callback per comparison.
  // Tables exported sorted by id (a common case) need neither the sort nor the rank: one pass of comparisons.
  let sorted = true;
  for (let i = 1; i < n && sorted; i++) if (!(listIds[i - 1]! < listIds[i]!)) sorted = false;
  const ids = sorted ? listIds.slice() : listIds.slice().sort();
  // rank[i] = sorted index of list node i. A loader's id → position Map is taken over (its values rewritten in
  // place): building a second Map of 10^6 ids cost more than the sort.
  const rank = new Int32Array(n);
  // rows[v] = list position of sorted node v
  let rows: Int32Array | null = null;
  let index: ReadonlyMap<string, number>;
  if (sorted) {
    for (let v = 0; v < n; v++) rank[v] = v;
    // ids in strictly increasing order: a search of them, no Map to build
    index = positions ?? new SortedIdIndex(ids);
  } else if (positions) {
    index = positions;
    rows = new Int32Array(n);
    for (let v = 0; v < n; v++) {
      const i = positions.get(ids[v]!)!;
      rank[i] = v;
      rows[v] = i;
      positions.set(ids[v]!, v);
    }
  } else {
    const map = new Map<string, number>();
    for (let v = 0; v < n; v++) map.set(ids[v]!, v);
    index = map;
    rows = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      const v = map.get(listIds[i]!)!;
      rank[i] = v;
      rows[v] = i;
    }
  }
  return { ids, rank, nodeAttributes: permuted(attributes, rows), index };
}

/** The view's nodes: sorted, with the columns the analyses read of them. */
export interface NodePart extends SortedNodes {
  materials: string[];
  material: Int32Array;
  countries: string[];
  country: Int32Array;
  demand: Float64Array;
  slotOffsets: Int32Array;
  slotMaterial: Int32Array;
  /** 1 where the node is a source of the file graph if it has no in-edge: no demand, no stock. */
  sourceIfNoInEdge: Uint8Array;
}

/** The nodes' part of the view: everything but the edges. */
export function nodePartOf(lists: NodeLists): NodePart {
  const { ids: listIds, attributes } = lists;
  const sorted = lists.order
    ? nodesInOrder(listIds, attributes, lists.order)
    : sortNodes(listIds, attributes, lists.positions);
  const n = sorted.ids.length;
  const materialIndex = new Map<string, number>();
  const materials: string[] = [];
  const countrySet = new Set<string>();
  // Attributes by `value`, not by object: a columnar table makes none (`_node-table.ts`).
  const table = sorted.nodeAttributes;
  for (let v = 0; v < n; v++) countrySet.add(table.value(v, "country"));
  const countryList = [...countrySet].sort(compareIds);
  const countryIndex = new Map(countryList.map((c, i) => [c, i]));
  const material = new Int32Array(n).fill(-1);
  const country = new Int32Array(n);
  const demand = new Float64Array(n);
  const sourceIfNoInEdge = new Uint8Array(n);
  // Slots in two passes (count, then fill): no array per node.
  const slotOffsets = new Int32Array(n + 1);
  for (let v = 0; v < n; v++) {
    const output = table.value(v, "output");
    if (output !== undefined) material[v] = intern(materialIndex, materials, output);
    country[v] = countryIndex.get(table.value(v, "country"))!;
    demand[v] = consumerDemand(table, v);
    sourceIfNoInEdge[v] = demand[v] === 0 && table.value(v, "stock") === undefined ? 1 : 0;
    const recipe = table.value(v, "recipe");
    let slots = 0;
    if (recipe) for (const _ in recipe) slots++;
    slotOffsets[v + 1] = slotOffsets[v]! + Math.max(1, slots);
  }
  const slotMaterial = new Int32Array(slotOffsets[n]!).fill(-1);
  for (let v = 0; v < n; v++) {
    const recipe = table.value(v, "recipe");
    if (!recipe || slotOffsets[v + 1]! - slotOffsets[v]! === 1) {
      if (recipe) for (const r in recipe) slotMaterial[slotOffsets[v]!] = intern(materialIndex, materials, r);
      continue;
    }
    const keys = Object.keys(recipe).sort(compareIds);
    for (let k = 0; k < keys.length; k++)
      slotMaterial[slotOffsets[v]! + k] = intern(materialIndex, materials, keys[k]!);
  }
  return {
    ...sorted,
    materials,
    material,
    countries: countryList,
    country,
    demand,
    slotOffsets,
    slotMaterial,
    sourceIfNoInEdge,
  };
}

/** Node v's demand when it is a consumer (`isConsumer`: positive demand), else 0. */
function consumerDemand(table: NodeAttributeTable, v: number): number {
  const d = table.value(v, "demand") ?? 0;
  if (d > 0) return d;
  return 0; // none, zero (or NaN, which a checked file never holds): not a consumer
}
