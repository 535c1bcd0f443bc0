/**
 * Dominators on an AND/OR supply graph, stored in linear space. D(v) = the nodes whose removal alone leaves v
 * unsupplied (v included); its elements other than v are v's single points of failure.
 *
 * Dominance is a partial order (x ∈ D(v) implies D(x) ⊆ D(v): with x gone v is unsupplied, and removing more
 * only shrinks supply), so D(v) is v plus the union of D(p) over its immediate dominators p, the maximal
 * elements of D(v) \ {v}. Without recipes there is one per node: the dominator tree from a super-source above
 * every source. A recipe (AND) node can have several (one per sole-sourced material), so in general this is a
 * DAG; its size is about n, where the sets themselves take O(n²) on a sole-sourced chain (issue 15: a chain of
 * 10^5 nodes needed over 3.5 GB). Lists are expanded only for output (`single-points-of-failure.ts`).
 *
 * Equations (over the supplied suppliers u filling each slot over a kept edge):
 *   source:        D(v) = {v}
 *   OR (one slot): D(v) = {v} ∪ ⋂_u D(u)
 *   AND (slots):   D(v) = {v} ∪ ⋃_slot ⋂_{u in slot} D(u)
 * On an acyclic supplied subgraph one pass in topological order (reverse DFS postorder) is exact, with the
 * intersections and unions done on the DAG by `DominatorWalk` (Cooper, Harvey & Kennedy 2001, generalised).
 * With cycles the sets are the greatest fixpoint of these equations; there the explicit iterative sets
 * (`_dominator-sets.ts`) are computed and then reduced to the same DAG, so only cyclic graphs pay O(Σ |D(v)|).
 */
import type { Csr, Masks } from "./_csr.js";
import { explicitDominatorSets, reversePostorder } from "./_dominator-sets.js";
import { DominatorWalk } from "./_dominator-walk.js";
import { inColumns } from "./_in-columns.js";
import type { SupplyRunner } from "./_propagate.js";
import { suppliedTopologicalOrder } from "./_supplied-order.js";

/** The dominator DAG of one supply run. Arrays are indexed by node; entries of unsupplied nodes are 0. */
export interface Dominators {
  /** 1 = supplied in the run (only those have dominators). */
  supplied: Uint8Array;
  /** Immediate dominators of v: `idoms[start[v] .. start[v] + size[v])`, sorted by index. */
  start: Int32Array;
  size: Int32Array;
  idoms: Int32Array;
  /** |D(v)| - 1: the number of v's single points of failure. */
  count: Int32Array;
  /** Supplied nodes, every dominator before the nodes it dominates; `rank[v]` = v's position. */
  order: Int32Array;
  rank: Int32Array;
}

/** The dominator DAG of `runner`'s supply run (which must be the run of `masks`); memoized per run. */
export function dominators(csr: Csr, masks: Masks, runner: SupplyRunner): Dominators {
  const cached = cache.get(runner);
  if (cached) return cached;
  const topo = suppliedTopologicalOrder(csr, masks, runner);
  const dom =
    topo !== null
      ? dagInOrder(csr, masks, runner, topo)
      : fromSets(csr, explicitDominatorSets(csr, masks, runner, reversePostorder(csr, masks, runner).order));
  cache.set(runner, dom);
  return dom;
}

// Single points of failure, fewest failures and attack curves all need the dominators of the same run.
const cache = new WeakMap<SupplyRunner, Dominators>();

/** Call `visit` once for every element of D(v) \ {v}. `stamp` is n-long scratch, all zero (and left so). */
export function forEachDominator(
  dom: Dominators,
  v: number,
  stamp: Uint8Array,
  visit: (x: number) => void,
): void {
  const stack: number[] = [];
  const seen: number[] = [];
  for (let i = dom.start[v]!, end = i + dom.size[v]!; i < end; i++) stack.push(dom.idoms[i]!);
  while (stack.length > 0) {
    const x = stack.pop()!;
    if (stamp[x] === 1) continue;
    stamp[x] = 1;
    seen.push(x);
    visit(x);
    for (let i = dom.start[x]!, end = i + dom.size[x]!; i < end; i++) stack.push(dom.idoms[i]!);
  }
  for (const x of seen) stamp[x] = 0;
}

// Slot states in `dagInOrder`: a node index (the intersection is that node's set), or one of these.
const UNSET = -2;
const EMPTY = -1;
const LIST = -3;

function dagInOrder(csr: Csr, masks: Masks, runner: SupplyRunner, order: Int32Array): Dominators {
  const { n } = csr;
  const { supplied } = runner;
  const start = new Int32Array(n);
  const size = new Int32Array(n);
  const rank = new Int32Array(n);
  for (let i = 0; i < order.length; i++) rank[order[i]!] = i;
  // immediate dominators, appended: about one per node, grown by doubling (no boxed array of 10^6 numbers)
  const links = { start, size, idoms: new Int32Array(n + 16), rank };
  let used = 0;
  const push = (x: number): void => {
    if (used === links.idoms.length) {
      const grown = new Int32Array(2 * used);
      grown.set(links.idoms);
      links.idoms = grown;
    }
    links.idoms[used++] = x;
  };
  const walk = new DominatorWalk(csr, n, links);
  const { source: inSource, slot: inSlot } = inColumns(csr);
  const checkEdges = masks.cutsLiveEdges;
  // per slot: a single node (the common case: no allocation), EMPTY, UNSET, or LIST = the array in `lists`
  let state = new Int32Array(4);
  let lists: number[][] = [];
  const one = [0];
  const other = [0];
  for (const v of order) {
    if (csr.source[v] === 1) continue;
    const from = csr.slotOffsets[v]!;
    const slots = csr.slotOffsets[v + 1]! - from;
    if (state.length < slots) {
      state = new Int32Array(slots);
      lists = new Array(slots);
    }
    state.fill(UNSET, 0, slots);
    for (let i = csr.inOffsets[v]!, end = csr.inOffsets[v + 1]!; i < end; i++) {
      const slot = inSlot[i]!;
      const u = inSource[i]!;
      // v and a supplied u are both there, so the edge is unless the scenario cut it
      if (slot < 0 || supplied[u] !== 1 || (checkEdges && masks.edgeAlive[csr.inEdges[i]!] !== 1)) continue;
      const k = slot - from;
      const s = state[k]!;
      if (s === UNSET) state[k] = u;
      else if (s === EMPTY) {
        // a single slot with an empty intersection: no supplier left can bring a dominator back
        if (slots === 1) break;
      } else if (s === u) continue;
      else if (s >= 0) {
        // the slot's intersection so far ∩ D(u): Cooper-Harvey-Kennedy's two fingers while both walk a chain
        const met = chainMeet(s, u, start, size, links.idoms, rank);
        if (met !== NOT_A_CHAIN) state[k] = met;
        else {
          one[0] = s;
          other[0] = u;
          const out: number[] = [];
          walk.meet(one, other, out);
          setSlot(state, lists, k, out);
        }
      } else {
        other[0] = u;
        const out: number[] = [];
        walk.meet(lists[k]!, other, out);
        setSlot(state, lists, k, out);
      }
    }
    start[v] = used;
    if (slots === 1 && state[0] !== LIST) {
      // the common case, without an array per node
      size[v] = state[0]! >= 0 ? 1 : 0;
      if (state[0]! >= 0) push(state[0]!);
      continue;
    }
    let covers: number[];
    if (slots === 1) covers = lists[0]!;
    else {
      const all: number[] = [];
      for (let k = 0; k < slots; k++) {
        if (state[k]! >= 0) all.push(state[k]!);
        else if (state[k] === LIST) for (const x of lists[k]!) all.push(x);
      }
      covers = [];
      if (all.length === 1) covers = all;
      else if (all.length > 1) walk.maximal(all, covers);
    }
    if (covers.length > 1) covers.sort((a, b) => a - b);
    size[v] = covers.length;
    for (const x of covers) push(x);
  }
  const dom: Dominators = {
    // a copy: the runner's array is rewritten by its next run
    supplied: supplied.slice(),
    start,
    size,
    idoms: links.idoms.slice(0, used),
    count: new Int32Array(n),
    order,
    rank,
  };
  countDominators(dom);
  return dom;
}

const NOT_A_CHAIN = -4;

/**
 * D(a) ∩ D(b) when both walks up stay on nodes with at most one immediate dominator (the dominator tree of
 * Cooper, Harvey & Kennedy): the meeting node, EMPTY when a walk runs out, NOT_A_CHAIN when a node with
 * several immediate dominators is reached (then the general walk decides).
 */
function chainMeet(
  a: number,
  b: number,
  start: Int32Array,
  size: Int32Array,
  idoms: Int32Array,
  rank: Int32Array,
): number {
  while (a !== b) {
    if (rank[a]! > rank[b]!) {
      const k = size[a]!;
      if (k === 0) return EMPTY;
      if (k > 1) return NOT_A_CHAIN;
      a = idoms[start[a]!]!;
    } else {
      const k = size[b]!;
      if (k === 0) return EMPTY;
      if (k > 1) return NOT_A_CHAIN;
      b = idoms[start[b]!]!;
    }
  }
  return a;
}

function setSlot(state: Int32Array, lists: number[][], k: number, out: number[]): void {
  if (out.length === 0) state[k] = EMPTY;
  else if (out.length === 1) state[k] = out[0]!;
  else {
    state[k] = LIST;
    lists[k] = out;
  }
}

/** |D(v)| - 1 for every supplied node: one more than the sole immediate dominator's, else by expansion. */
function countDominators(dom: Dominators): void {
  const stamp = new Uint8Array(dom.count.length);
  for (const v of dom.order) {
    const k = dom.size[v]!;
    if (k === 0) continue;
    if (k === 1) dom.count[v] = 1 + dom.count[dom.idoms[dom.start[v]!]!]!;
    else {
      let c = 0;
      forEachDominator(dom, v, stamp, () => c++);
      dom.count[v] = c;
    }
  }
}

/**
 * The DAG of explicit sets (cyclic graphs): order by set size (a dominator's set is strictly smaller), then
 * each node's immediate dominators are the largest elements not already inside a larger one's set.
 */
function fromSets(csr: Csr, sets: (number[] | null)[]): Dominators {
  const { n } = csr;
  const supplied = new Uint8Array(n);
  const list: number[] = [];
  for (let v = 0; v < n; v++)
    if (sets[v]) {
      supplied[v] = 1;
      list.push(v);
    }
  list.sort((a, b) => sets[a]!.length - sets[b]!.length || a - b);
  const order = Int32Array.from(list);
  const rank = new Int32Array(n);
  for (let i = 0; i < order.length; i++) rank[order[i]!] = i;
  const start = new Int32Array(n);
  const size = new Int32Array(n);
  const count = new Int32Array(n);
  const idoms: number[] = [];
  const inside = new Int32Array(n).fill(-1);
  for (const v of order) {
    const set = sets[v]!;
    count[v] = set.length - 1;
    const others = set.filter((x) => x !== v).sort((a, b) => rank[b]! - rank[a]!);
    const covers: number[] = [];
    for (const x of others) {
      if (inside[x] === v) continue;
      covers.push(x);
      for (const y of sets[x]!) inside[y] = v;
    }
    covers.sort((a, b) => a - b);
    start[v] = idoms.length;
    size[v] = covers.length;
    for (const x of covers) idoms.push(x);
  }
  return { supplied, start, size, idoms: Int32Array.from(idoms), count, order, rank };
}
