/**
 * Supply propagation on a `Csr` (counter / worklist propagation, as in Horn-clause satisfiability: Dowling &
 * Gallier 1984, linear time). Each node waits on its slots (one per recipe material, or one "any supplier"
 * slot); a supplied node fills the slot its out-edges point at; a node whose last slot fills becomes supplied.
 * This computes the LEAST fixpoint, so a cycle with no supplied way in stays unsupplied. O(n + m) per run; the
 * work arrays are reset through the list of touched entries, so runs restricted to a small part of a big graph
 * (the `seeds` and `alive` of one consumer's ancestors) cost only that part.
 */
import type { Csr } from "./_csr.js";

/**
 * The parts of a `Csr` supply propagation reads (a cone's sub-view provides just these). As in a `Csr`, edges
 * are numbered in out-list order (`outEdges[i] === i`), which the propagation relies on.
 */
export type SupplyView = Pick<
  Csr,
  | "n"
  | "slotOffsets"
  | "slotMaterial"
  | "outOffsets"
  | "outEdges"
  | "edgeSlot"
  | "edgeTarget"
  | "source"
  | "country"
>;

/** Reusable work arrays for repeated supply runs on one `Csr`. */
export class SupplyRunner {
  readonly supplied: Uint8Array;
  /** Nodes supplied in the last run, in the order they became supplied. */
  readonly order: Int32Array;
  count = 0;
  private readonly filled: Uint8Array;
  private readonly remaining: Int32Array;
  private readonly touchedSlots: Int32Array;
  private touchedSlotCount = 0;
  private readonly touchedNodes: Int32Array;
  private touchedNodeCount = 0;

  constructor(private readonly csr: SupplyView) {
    this.supplied = new Uint8Array(csr.n);
    this.order = new Int32Array(csr.n);
    this.filled = new Uint8Array(csr.slotMaterial.length);
    this.touchedSlots = new Int32Array(csr.slotMaterial.length);
    this.touchedNodes = new Int32Array(csr.n);
    this.remaining = new Int32Array(csr.n);
    for (let v = 0; v < csr.n; v++) this.remaining[v] = csr.slotOffsets[v + 1]! - csr.slotOffsets[v]!;
  }

  private reset(): void {
    const { csr, supplied, remaining, filled } = this;
    for (let i = 0; i < this.count; i++) supplied[this.order[i]!] = 0;
    for (let i = 0; i < this.touchedNodeCount; i++) {
      const v = this.touchedNodes[i]!;
      remaining[v] = csr.slotOffsets[v + 1]! - csr.slotOffsets[v]!;
    }
    for (let i = 0; i < this.touchedSlotCount; i++) filled[this.touchedSlots[i]!] = 0;
    this.count = 0;
    this.touchedNodeCount = 0;
    this.touchedSlotCount = 0;
  }

  /**
   * Propagate supply from the alive sources among `seeds` (all nodes when omitted). A node counts only when
   * `nodeAlive[v]` and, if given, its country is not in `countryDead`; an edge only when `edgeAlive[e]`.
   * `exempt` (a node index) is never dropped by `countryDead` (the consumer whose suppliers' countries fail).
   * Results: `supplied`, `order`, `count`.
   */
  run(
    nodeAlive: Uint8Array,
    edgeAlive: Uint8Array,
    seeds?: ArrayLike<number>,
    countryDead?: Uint8Array,
    exempt = -1,
  ): void {
    this.reset();
    const { csr, supplied, order, remaining, filled } = this;
    const alive = (v: number) =>
      nodeAlive[v] === 1 && (!countryDead || v === exempt || countryDead[csr.country[v]!] === 0);
    const seedCount = seeds ? seeds.length : csr.n;
    for (let i = 0; i < seedCount; i++) {
      const v = seeds ? seeds[i]! : i;
      if (csr.source[v] === 1 && supplied[v] === 0 && alive(v)) {
        supplied[v] = 1;
        order[this.count++] = v;
      }
    }
    for (let head = 0; head < this.count; head++) {
      const u = order[head]!;
      // edges are numbered in out-list order (outEdges[i] === i): e is the position itself
      for (let e = csr.outOffsets[u]!, end = csr.outOffsets[u + 1]!; e < end; e++) {
        const slot = csr.edgeSlot[e]!;
        // sequential reads first (edge arrays follow the out-lists), random ones only for edges that count
        if (slot < 0 || edgeAlive[e] === 0 || filled[slot] === 1) continue;
        const v = csr.edgeTarget[e]!;
        if (supplied[v] === 1 || csr.source[v] === 1 || !alive(v)) continue;
        filled[slot] = 1;
        this.touchedSlots[this.touchedSlotCount++] = slot;
        if (remaining[v] === csr.slotOffsets[v + 1]! - csr.slotOffsets[v]!)
          this.touchedNodes[this.touchedNodeCount++] = v;
        if (--remaining[v]! === 0) {
          supplied[v] = 1;
          order[this.count++] = v;
        }
      }
    }
  }

  /** Was slot `s` filled in the last run? */
  isFilled(slot: number): boolean {
    return this.filled[slot] === 1;
  }
}
