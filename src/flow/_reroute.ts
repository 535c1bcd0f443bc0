/**
 * Zero-loss certificates without an LP: a node loses nothing when the flow it carried in one max-total optimum
 * can be rerouted around it (`_n1-prune.ts` asks this before any knockout LP).
 *
 * Take the base optimum and delete the node v. Its suppliers are left with the output they sent it (they may
 * dispose of it: every balance row is "made ≤ received"), and each buyer w lacks what v sent it, of v's
 * material. If augmenting paths in the residual network of the base flow, avoiding v, bring every buyer its
 * missing tonnes, the result is a feasible flow without v that serves exactly the base total: v loses nothing.
 * The residual network has, per node, an output side and an input side (one per recipe material); the moves
 * are those standard for max-flow (ship more on an edge, or less on one that carries flow; a plain node makes
 * more within its capacity, or less), except that a recipe node's output never changes (its inputs would have
 * to change in proportion, which one path cannot do): paths only swap its suppliers of one material.
 * Supplies: spare capacity at sources, material a node received and did not use, and what v's suppliers sent v.
 * Every path keeps every row of the LP (balance, recipe, capacity), so a certificate is a proof; a failed one
 * proves nothing (the knockout LP decides). Which nodes pass depends on the base optimum's vertex, never the
 * figures (tests/flow/reroute.test.ts checks every certificate against the knockout LP).
 */
import type { BaseFlow } from "./_loss-bound.js";
import type { FlowModel } from "./flow-model.js";

/** Flow at or below this counts as none, and a deficit at or below it as filled (as `NO_FLOW`). */
const EPS = 1e-9;
/**
 * Sides one search may visit before it gives up (the deficit then counts as unfilled: the bound stays a bound),
 * by default. A whole 10^4-node graph has 20,000 sides, so there it never binds; on a 10^5-node graph it keeps
 * a failing search from visiting all 200,000.
 */
export const REACH = 50_000;

/** The residual network of one max-total optimum, reused for every node's certificate. */
export class Reroute {
  private readonly model: FlowModel;
  private readonly flow: Float64Array;
  /** Model node → its output side; its input sides are `inFirst[i] ..` (-1 for sources: no input). */
  private readonly outNode: Int32Array;
  private readonly inFirst: Int32Array;
  private readonly inCount: Int32Array;
  /** Edge → the input side of its target it feeds (-1 when its material is in no row of the target). */
  private readonly edgeIn: Int32Array;
  /** Arcs in pairs (a, a ^ 1 its reverse): head and residual capacity; outgoing arcs per side (CSR). */
  private readonly head: Int32Array;
  private readonly cap: Float64Array;
  private readonly start: Int32Array;
  private readonly arcs: Int32Array;
  private readonly supply: Float64Array;
  /** Side → its node, and for an input side of a recipe node the recipe amount of its material (else 1). */
  private readonly sideNode: Int32Array;
  private readonly sideAmount: Float64Array;
  /** Model node → tonnes it ships (its output less its own consumption) in the base flow. */
  private readonly shipped: Float64Array;
  // Per-search buffers.
  private readonly dead: Uint8Array;
  private readonly seen: Int32Array;
  private readonly toward: Int32Array;
  private readonly queue: Int32Array;
  private stamp = 0;

  constructor(model: FlowModel, base: BaseFlow) {
    this.model = model;
    this.flow = base.edgeFlow;
    const n = model.nodes.length;
    this.outNode = new Int32Array(n);
    this.inFirst = new Int32Array(n).fill(-1);
    this.inCount = new Int32Array(n);
    const materials: string[][] = [];
    let sides = 0;
    for (let i = 0; i < n; i++) {
      this.outNode[i] = sides++;
      const recipe = model.recipe[i];
      materials.push(recipe ? Object.keys(recipe).sort() : []);
      if (model.source[i]) continue;
      this.inFirst[i] = sides;
      this.inCount[i] = recipe ? materials[i]!.length : 1;
      sides += this.inCount[i]!;
    }
    this.sideNode = new Int32Array(sides);
    this.sideAmount = new Float64Array(sides).fill(1);
    for (let i = 0; i < n; i++) {
      this.sideNode[this.outNode[i]!] = i;
      for (let k = 0; k < this.inCount[i]!; k++) {
        this.sideNode[this.inFirst[i]! + k] = i;
        if (model.recipe[i]) this.sideAmount[this.inFirst[i]! + k] = model.recipe[i]![materials[i]![k]!]!;
      }
    }
    this.edgeIn = new Int32Array(model.edges.length).fill(-1);
    for (const [e, edge] of model.edges.entries()) {
      const t = edge.target;
      if (this.inFirst[t]! < 0) continue;
      const recipe = model.recipe[t];
      if (!recipe) this.edgeIn[e] = this.inFirst[t]!;
      else {
        const k = edge.material === undefined ? -1 : materials[t]!.indexOf(edge.material);
        if (k >= 0 && recipe[edge.material!]! > 0) this.edgeIn[e] = this.inFirst[t]! + k;
      }
    }
    const tail: number[] = [];
    const head: number[] = [];
    const cap: number[] = [];
    const pair = (from: number, to: number, forward: number, backward: number) => {
      tail.push(from, to);
      head.push(to, from);
      cap.push(Math.max(0, forward), Math.max(0, backward));
    };
    const outFlow = new Float64Array(n);
    for (const [e, edge] of model.edges.entries()) {
      const f = this.flow[e]!;
      outFlow[edge.source]! += f;
      if (this.edgeIn[e]! >= 0)
        pair(this.outNode[edge.source]!, this.edgeIn[e]!, (edge.capacity ?? Infinity) - f, f);
    }
    this.shipped = outFlow;
    this.supply = new Float64Array(sides);
    for (let i = 0; i < n; i++) {
      const capacity = model.capacity[i] ?? Infinity;
      if (model.source[i]) {
        this.supply[this.outNode[i]!] = Math.max(0, capacity - outFlow[i]!);
        continue;
      }
      const made = outFlow[i]! + base.served[i]!;
      const recipe = model.recipe[i];
      const received = new Float64Array(this.inCount[i]!);
      for (const e of model.inEdges[i]!)
        if (this.edgeIn[e]! >= 0) received[this.edgeIn[e]! - this.inFirst[i]!]! += this.flow[e]!;
      for (let k = 0; k < received.length; k++) {
        const used = recipe ? recipe[materials[i]![k]!]! * made : made;
        this.supply[this.inFirst[i]! + k] = Math.max(0, received[k]! - used);
      }
      // A plain node makes more within its capacity, or less (not its own consumption: that is the total).
      if (!recipe) pair(this.inFirst[i]!, this.outNode[i]!, capacity - outFlow[i]!, outFlow[i]!);
    }
    for (let s = 0; s < sides; s++) if (this.supply[s]! <= EPS) this.supply[s] = 0;
    this.head = Int32Array.from(head);
    this.cap = Float64Array.from(cap);
    this.start = new Int32Array(sides + 1);
    for (const t of tail) this.start[t + 1]!++;
    for (let s = 0; s < sides; s++) this.start[s + 1]! += this.start[s]!;
    this.arcs = new Int32Array(tail.length);
    const fill = this.start.slice(0, sides);
    tail.forEach((t, a) => {
      this.arcs[fill[t]!++] = a;
    });
    this.dead = new Uint8Array(sides);
    this.seen = new Int32Array(sides);
    this.toward = new Int32Array(sides);
    this.queue = new Int32Array(sides);
  }

  /**
   * An upper bound on node `v`'s loss: 0 when its flow can be rerouted around it, else what the deficits no
   * path could fill can cost at most, by the gain bound (`gain`, from `gains` in `_loss-bound.ts`: the flow
   * with every path found is feasible but for those deficits). A recipe node short of one material and with
   * no other supplier makes less instead (its other inputs are then left over), and its buyers' shortfall is
   * rerouted in turn. `reach`: sides one search may visit. Leaves no trace.
   */
  lossBound(v: number, gain: Float64Array, reach = REACH): number {
    const { model, flow } = this;
    const sides = this.sidesOf(v);
    for (const s of sides) this.dead[s] = 1;
    const arcLog: Array<[number, number]> = [];
    const supplyLog: Array<[number, number]> = [];
    const give = (s: number, x: number) => {
      supplyLog.push([s, this.supply[s]!]);
      this.supply[s]! += x;
    };
    const shrunk = new Map<number, number>();
    let bound = 0;
    try {
      for (const e of model.inEdges[v]!)
        if (flow[e]! > EPS) give(this.outNode[model.edges[e]!.source]!, flow[e]!);
      // Deficits per side, in edge order (deterministic; the bound is a bound either way).
      const need = new Map<number, number>();
      for (const e of model.outEdges[v]!) {
        const t = this.edgeIn[e]!;
        if (flow[e]! > EPS && t >= 0 && !this.dead[t]) need.set(t, (need.get(t) ?? 0) + flow[e]!);
      }
      const queue = [...need];
      for (let q = 0; q < queue.length; q++) {
        const [t, deficit] = queue[q]!;
        const left = this.fill(t, deficit, reach, arcLog, supplyLog);
        if (left <= EPS) continue;
        const w = this.sideNode[t]!;
        const recipe = model.recipe[w];
        // Output short: what w makes less, of which its shipments can be made good downstream.
        const less = left / this.sideAmount[t]!;
        const ships = recipe && t !== this.outNode[w] ? this.shipped[w]! - (shrunk.get(w) ?? 0) : 0;
        const shrink = Math.min(less, Math.max(0, ships));
        if (shrink > EPS) {
          shrunk.set(w, (shrunk.get(w) ?? 0) + shrink);
          for (let k = 0; k < this.inCount[w]!; k++) {
            const side = this.inFirst[w]! + k;
            if (side !== t) give(side, shrink * this.sideAmount[side]!);
          }
          queue.push([this.outNode[w]!, shrink]);
        }
        const lost = less - (shrink > EPS ? shrink : 0);
        if (lost > EPS) bound += lost * gain[w]!;
      }
      return bound;
    } finally {
      for (let k = arcLog.length - 1; k >= 0; k--) this.cap[arcLog[k]![0]] = arcLog[k]![1];
      for (let k = supplyLog.length - 1; k >= 0; k--) this.supply[supplyLog[k]![0]] = supplyLog[k]![1];
      for (const s of sides) this.dead[s] = 0;
    }
  }

  /** Fill `deficit` at side `t` by augmenting paths; returns what is left unfilled. Logs every change. */
  private fill(
    t: number,
    deficit: number,
    reach: number,
    arcLog: Array<[number, number]>,
    supplyLog: Array<[number, number]>,
  ): number {
    let left = deficit;
    while (left > EPS) {
      const from = this.search(t, reach);
      if (from < 0) return left;
      let delta = Math.min(left, this.supply[from]!);
      for (let s = from; s !== t; s = this.head[this.toward[s]!]!)
        delta = Math.min(delta, this.cap[this.toward[s]!]!);
      for (let s = from; s !== t; s = this.head[this.toward[s]!]!) {
        const a = this.toward[s]!;
        arcLog.push([a, this.cap[a]!], [a ^ 1, this.cap[a ^ 1]!]);
        this.cap[a]! -= delta;
        this.cap[a ^ 1]! += delta;
      }
      supplyLog.push([from, this.supply[from]!]);
      this.supply[from]! -= delta;
      left -= delta;
    }
    return 0;
  }

  /** The sides of node `v`. */
  private sidesOf(v: number): number[] {
    const sides = [this.outNode[v]!];
    for (let k = 0; k < this.inCount[v]!; k++) sides.push(this.inFirst[v]! + k);
    return sides;
  }

  /**
   * Breadth-first search backward from side `t` over arcs with residual capacity, avoiding dead sides, to the
   * nearest side with supply; `toward[s]` is the arc that leads from s one step closer to t. -1 when none.
   */
  private search(t: number, reach: number): number {
    const { head, cap, start, arcs, dead, seen, toward, queue, supply } = this;
    const stamp = ++this.stamp;
    let front = 0;
    let back = 0;
    if (supply[t]! > EPS) return t;
    queue[back++] = t;
    seen[t] = stamp;
    while (front < back && back <= reach) {
      const x = queue[front++]!;
      for (let k = start[x]!; k < start[x + 1]!; k++) {
        const into = arcs[k]! ^ 1; // the reverse of x's arc ends at x
        const y = head[arcs[k]!]!;
        if (seen[y] === stamp || dead[y] || cap[into]! <= EPS) continue;
        seen[y] = stamp;
        toward[y] = into;
        // Stop at the first supply found, not when it leaves the queue: the last level is the widest.
        if (supply[y]! > EPS) return y;
        queue[back++] = y;
      }
    }
    return -1;
  }
}
