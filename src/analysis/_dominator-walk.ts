/**
 * Set operations on dominator sets stored as a dominator DAG (`_dominators.ts`): a list of nodes stands for the
 * union of their dominator sets, a down-closed set of the dominance order. Both operations walk up the DAG from
 * the listed nodes in decreasing rank (a position in an order where every dominator precedes what it dominates),
 * so a node is settled only after everything below it. This is Cooper, Harvey & Kennedy's "intersect" (2001:
 * two fingers walking up the dominator tree until they meet) generalised from two chains to a DAG with a heap;
 * on a tree it visits the same nodes. A walk touches only the nodes between the lists and their meeting points,
 * and stops as soon as nothing new can be found.
 */
import { scratchInt32, scratchUint8 } from "./_scratch.js";

/** The DAG as the walks read it: immediate dominators of v are `idoms[start[v] .. start[v] + size[v])`. */
export interface DominatorLinks {
  start: Int32Array;
  size: Int32Array;
  idoms: Int32Array | number[];
  rank: Int32Array;
}

const LEFT = 1;
const RIGHT = 2;
const BOTH = LEFT | RIGHT;
/** Below a node already in the result (or below a candidate): not maximal. */
const BELOW = 4;
const CANDIDATE = 8;

/** Reusable scratch for the walks over one DAG (allocation is what costs at 10^6 nodes). */
export class DominatorWalk {
  private readonly mark: Uint8Array;
  private readonly inHeap: Uint8Array;
  private readonly heap: Int32Array;
  private heapSize = 0;
  private readonly touched: number[] = [];
  private liveLeft = 0;
  private liveRight = 0;

  /** `owner` is the view the DAG is on: the walk's n-long arrays come from its scratch (left clean after use). */
  constructor(
    owner: object,
    n: number,
    private readonly links: DominatorLinks,
  ) {
    this.mark = scratchUint8(owner, "walk.mark", n);
    this.inHeap = scratchUint8(owner, "walk.inHeap", n);
    this.heap = scratchInt32(owner, "walk.heap", n);
  }

  /**
   * The maximal elements of cl(a) ∩ cl(b), where cl(list) = the union of the dominator sets of the listed nodes.
   * Appends them to `out` in decreasing rank.
   */
  meet(a: ArrayLike<number>, b: ArrayLike<number>, out: number[]): void {
    for (let i = 0; i < a.length; i++) this.add(a[i]!, LEFT);
    for (let i = 0; i < b.length; i++) this.add(b[i]!, RIGHT);
    const { mark, links } = this;
    // a new meeting point needs an uncovered walker from each side: stop when one side has none left
    while (this.heapSize > 0 && this.liveLeft > 0 && this.liveRight > 0) {
      const x = this.pop();
      const m = mark[x]!;
      const up = (m & BELOW) !== 0 ? BELOW : (m & BOTH) === BOTH ? BELOW : m;
      if ((m & BELOW) === 0 && (m & BOTH) === BOTH) out.push(x);
      for (let i = links.start[x]!, end = i + links.size[x]!; i < end; i++) this.add(links.idoms[i]!, up);
    }
    this.reset();
  }

  /** The listed nodes that are not below another listed node (duplicates once), appended to `out`. */
  maximal(list: ArrayLike<number>, out: number[]): void {
    const { mark, links } = this;
    let lowest = Number.POSITIVE_INFINITY;
    for (let i = 0; i < list.length; i++) {
      this.add(list[i]!, CANDIDATE);
      lowest = Math.min(lowest, links.rank[list[i]!]!);
    }
    while (this.heapSize > 0) {
      const x = this.pop();
      const m = mark[x]!;
      if ((m & CANDIDATE) !== 0 && (m & BELOW) === 0) out.push(x);
      for (let i = links.start[x]!, end = i + links.size[x]!; i < end; i++) {
        const y = links.idoms[i]!;
        // nothing ranked below the lowest candidate can be a candidate
        if (links.rank[y]! >= lowest) this.add(y, BELOW);
      }
    }
    this.reset();
  }

  private add(x: number, bits: number): void {
    const old = this.mark[x]!;
    const next = old | bits;
    if (old === 0) this.touched.push(x);
    this.mark[x] = next;
    if (this.inHeap[x] === 1) {
      this.count(old, -1);
      this.count(next, 1);
    } else if (old === 0) {
      this.inHeap[x] = 1;
      this.count(next, 1);
      this.push(x);
    }
  }

  private count(m: number, d: number): void {
    if ((m & BELOW) !== 0) return;
    if ((m & LEFT) !== 0) this.liveLeft += d;
    if ((m & RIGHT) !== 0) this.liveRight += d;
  }

  private push(x: number): void {
    const { heap, links } = this;
    const r = links.rank[x]!;
    let i = this.heapSize++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const p = heap[parent]!;
      if (links.rank[p]! >= r) break;
      heap[i] = p;
      i = parent;
    }
    heap[i] = x;
  }

  private pop(): number {
    const { heap, links } = this;
    const top = heap[0]!;
    const last = heap[--this.heapSize]!;
    const r = links.rank[last]!;
    let i = 0;
    const size = this.heapSize;
    while (true) {
      let child = 2 * i + 1;
      if (child >= size) break;
      if (child + 1 < size && links.rank[heap[child + 1]!]! > links.rank[heap[child]!]!) child++;
      if (links.rank[heap[child]!]! <= r) break;
      heap[i] = heap[child]!;
      i = child;
    }
    if (size > 0) heap[i] = last;
    this.inHeap[top] = 0;
    this.count(this.mark[top]!, -1);
    return top;
  }

  private reset(): void {
    for (const x of this.touched) {
      this.mark[x] = 0;
      this.inHeap[x] = 0;
    }
    this.touched.length = 0;
    this.heapSize = 0;
    this.liveLeft = 0;
    this.liveRight = 0;
  }
}
