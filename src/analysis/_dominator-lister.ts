/**
 * Lists D(v) \ {v} from the dominator DAG (`_dominators.ts`) into reusable typed scratch: at 10^6 nodes the
 * single points of failure of 10^5-10^6 consumers are listed, and three small arrays and a closure per consumer
 * were most of that pass (and the garbage collections it set off).
 */
import type { Dominators } from "./_dominators.js";
import { scratchInt32, scratchUint8 } from "./_scratch.js";

/** Scratch sized for one graph; `list` writes into `out`. One lister per pass (not reentrant). */
export class DominatorLister {
  /** The listed nodes of the last `list` call: `out[0 .. count)`, sorted by index. */
  readonly out: Int32Array;
  private readonly stamp: Uint8Array;

  /** `owner` is the view the DAG is on (the scratch arrays are its). */
  constructor(
    private readonly dom: Dominators,
    owner: object,
    n: number,
  ) {
    // every node is stamped when first found, so the queue never holds more than n
    this.out = scratchInt32(owner, "lister.out", n);
    this.stamp = scratchUint8(owner, "lister.stamp", n);
  }

  /**
   * Writes D(v) \ {v} into `out`, at most `max` of them: when there are more, whole levels by distance in the
   * DAG (breadth first), so the cut never depends on node ids. Returns how many were written, sorted by index.
   */
  list(v: number, max: number): number {
    const { dom, out, stamp } = this;
    // breadth first from v: out[0 .. found) are the nodes found so far, levels in order
    let found = 0;
    let kept = 0;
    let levelStart = 0;
    let levelEnd = 0;
    const all = dom.count[v]! <= max;
    stamp[v] = 1;
    const push = (x: number) => {
      if (stamp[x] === 1) return;
      stamp[x] = 1;
      out[found++] = x;
    };
    for (let i = dom.start[v]!, end = i + dom.size[v]!; i < end; i++) push(dom.idoms[i]!);
    levelEnd = found;
    while (levelStart < levelEnd) {
      if (!all && levelEnd > max) break;
      kept = levelEnd;
      for (let q = levelStart; q < levelEnd; q++) {
        const x = out[q]!;
        for (let i = dom.start[x]!, end = i + dom.size[x]!; i < end; i++) push(dom.idoms[i]!);
      }
      levelStart = levelEnd;
      levelEnd = found;
    }
    stamp[v] = 0;
    for (let q = 0; q < found; q++) stamp[out[q]!] = 0;
    out.subarray(0, kept).sort();
    return kept;
  }
}
