/**
 * Explicit dominator sets on an AND/OR supply graph, for graphs whose supplied part has cycles (`_dominators.ts`
 * stores them as a DAG and computes acyclic graphs directly): D(v) = the nodes whose removal alone leaves v unsupplied (v included).
 *
 * Without recipes this is the classic dominator problem from a super-source above every source, and we solve it
 * with the iterative data-flow formulation that Cooper, Harvey & Kennedy ("A Simple, Fast Dominance Algorithm",
 * Software Practice & Experience 4, 2001) start from: visit the nodes in reverse postorder, intersect the sets of
 * the already-processed predecessors, repeat until nothing changes (on a DAG the order is topological and one
 * pass is exact, so the confirming pass is skipped when the DFS found no back edge).
 *
 * Recipes (AND) extend the equations. For a supplied node v, over its slots (recipe materials, or one "any" slot)
 * and the supplied suppliers u that fill each slot over a kept edge:
 *   source:        D(v) = {v}
 *   OR (one slot): D(v) = {v} ∪ ⋂_u D(u)
 *   AND (slots):   D(v) = {v} ∪ ⋃_slot ⋂_{u in slot} D(u)
 * Removing x unsupplies an AND node when it empties ANY slot, an OR node when it empties its only slot. The true
 * sets satisfy these equations, and any fixpoint E has E(v) ⊆ D(v) (induction on the order in which supply
 * propagation derives v without x), so the true sets are the GREATEST fixpoint, which iteration from "everything"
 * reaches, cycles included. Tests check this against brute force (remove each node, recompute supply).
 *
 * Sets are sorted plain arrays of node indices (small typed arrays cost far more to allocate and collect in V8,
 * which dominated the run at 10^6 nodes). In supply graphs they are short (one per tier on a sole-sourced
 * chain), so a pass costs O(m · average set size). Worst case (long chains of sole suppliers, many passes around
 * nested cycles) is O(n · m) per pass and O(n) passes: documented, not expected in supply data.
 */
import type { Csr, Masks } from "./_csr.js";
import type { SupplyRunner } from "./_propagate.js";

function intersect(a: number[], b: number[]): number[] {
  const out: number[] = [];
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    if (x === y) {
      out[k++] = x;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return k === out.length ? out : out.slice(0, k);
}

function union(a: number[], b: number[]): number[] {
  const out: number[] = [];
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length || j < b.length) {
    if (j >= b.length || (i < a.length && a[i]! < b[j]!)) out[k++] = a[i++]!;
    else if (i >= a.length || b[j]! < a[i]!) out[k++] = b[j++]!;
    else {
      out[k++] = a[i++]!;
      j++;
    }
  }
  return k === out.length ? out : out.slice(0, k);
}

// marker for "nothing but v yet" (so a single-slot node allocates once: its supplier's set plus v)
const SELF: number[] = [];

/** A sorted set with `v` added. */
function insert(a: number[], v: number): number[] {
  let i = 0;
  while (i < a.length && a[i]! < v) i++;
  if (a[i] === v) return a;
  const out = a.slice(0, i);
  out.push(v);
  for (let j = i; j < a.length; j++) out.push(a[j]!);
  return out;
}

function equal(a: number[] | null, b: number[] | null): boolean {
  if (a === null || b === null) return a === b;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * Reverse postorder of the supplied subgraph (iterative DFS from the supplied sources in index order), and
 * whether that subgraph is acyclic (no DFS back edge): then the order is topological and one pass is exact.
 */
export function reversePostorder(
  csr: Csr,
  masks: Masks,
  runner: SupplyRunner,
): { order: Int32Array; acyclic: boolean } {
  const { supplied } = runner;
  const visited = new Uint8Array(csr.n);
  const onStack = new Uint8Array(csr.n);
  let acyclic = true;
  const post = new Int32Array(runner.count);
  let p = 0;
  const stack = new Int32Array(runner.count);
  const cursor = new Int32Array(runner.count);
  for (let r = 0; r < csr.n; r++) {
    if (csr.source[r] !== 1 || supplied[r] !== 1 || visited[r]) continue;
    let top = 0;
    stack[0] = r;
    cursor[0] = csr.outOffsets[r]!;
    visited[r] = 1;
    onStack[r] = 1;
    while (top >= 0) {
      const u = stack[top]!;
      const end = csr.outOffsets[u + 1]!;
      let pushed = false;
      while (cursor[top]! < end) {
        const e = csr.outEdges[cursor[top]!++]!;
        const v = csr.edgeTarget[e]!;
        if (supplied[v] !== 1 || masks.edgeAlive[e] !== 1 || csr.edgeSlot[e]! < 0) continue;
        if (visited[v]) {
          if (onStack[v]) acyclic = false;
          continue;
        }
        visited[v] = 1;
        onStack[v] = 1;
        stack[++top] = v;
        cursor[top] = csr.outOffsets[v]!;
        pushed = true;
        break;
      }
      if (!pushed) {
        post[p++] = u;
        onStack[u] = 0;
        top--;
      }
    }
  }
  return { order: post.slice(0, p).reverse(), acyclic };
}

/**
 * The dominator set of every supplied node (sorted node indices, the node itself included); `null` for nodes
 * that are not supplied. `runner` must hold the supply run of `masks`, `order` its reverse postorder. For cyclic
 * graphs (`_dominators.ts` handles acyclic ones in linear space).
 */
export function explicitDominatorSets(
  csr: Csr,
  masks: Masks,
  runner: SupplyRunner,
  order: Int32Array,
): (number[] | null)[] {
  const sets: (number[] | null)[] = new Array(csr.n).fill(null);
  const { supplied } = runner;
  for (const v of order) if (csr.source[v] === 1) sets[v] = [v];
  let changed = true;
  // scratch for the per-slot intersections, reused across nodes (allocation is what costs at 10^6 nodes)
  let slotSets: (number[] | null)[] = [];
  while (changed) {
    changed = false;
    for (const v of order) {
      if (csr.source[v] === 1) continue;
      const from = csr.slotOffsets[v]!;
      const to = csr.slotOffsets[v + 1]!;
      // per slot: intersection over the processed suppliers; null = no processed supplier yet (= everything)
      if (slotSets.length < to - from) slotSets = new Array(to - from).fill(null);
      for (let k = 0; k < to - from; k++) slotSets[k] = null;
      for (let i = csr.inOffsets[v]!, end = csr.inOffsets[v + 1]!; i < end; i++) {
        const e = csr.inEdges[i]!;
        const u = csr.edgeSource[e]!;
        const slot = csr.edgeSlot[e]!;
        if (slot < 0 || masks.edgeAlive[e] !== 1 || supplied[u] !== 1) continue;
        const du = sets[u];
        if (du === null || du === undefined) continue;
        const k = slot - from;
        const current = slotSets[k];
        slotSets[k] = current === null || current === undefined ? du : intersect(current, du);
      }
      let next: number[] | null = SELF;
      for (let k = 0; k < to - from; k++) {
        const s = slotSets[k];
        if (s === null || s === undefined) {
          next = null; // a slot with no processed supplier yet: still "everything"
          break;
        }
        next = next === SELF ? s : union(next!, s);
      }
      if (next === SELF) next = [v];
      else if (next !== null) next = insert(next, v);
      if (next !== null && !equal(next, sets[v] ?? null)) {
        sets[v] = next;
        changed = true;
      }
    }
  }
  return sets;
}
