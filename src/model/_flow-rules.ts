/**
 * Graph-file rules that need more than one node or edge: consumers ship nothing, stockpiles carry no flow,
 * recipes are suppliable. The per-edge part runs as each kept edge is checked (all nodes are known by then), so
 * a streaming loader never holds the edges; the recipe cross-check runs once at the end.
 */
import type { EdgeAttributes, NodeAttributes, Problem } from "./types.js";
import type { NodeAttributeTable } from "./_node-table.js";

/** Relative slack before a volume counts as over a capacity (rounding in hand-made files). */
const OVER_CAPACITY_SLACK = 1e-9;

// What the per-edge rules ask of an end, one byte per node (see `FlowRules.flags`).
const PRESENT = 1;
const RECIPE = 2;
/** Planned, under construction or idle: volumes to it are not shipped in the baseline. */
const PIPELINE = 4;
const CONSUMER = 8;
const STOCK = 16;

/** Attribute `key` of the node at position i, undefined when it has none or there is no node there. */
type ValueOf = <K extends keyof NodeAttributes>(i: number, key: K) => NodeAttributes[K] | undefined;

/** The nodes by position: objects (undefined where no node is), or a table (`_node-table.ts`: every node is). */
export type FlowRuleNodes = ReadonlyArray<NodeAttributes | undefined> | NodeAttributeTable;

function flagsOf(nodes: FlowRuleNodes, value: ValueOf, i: number): number {
  if (Array.isArray(nodes) && nodes[i] === undefined) return 0;
  let f = PRESENT;
  if (value(i, "recipe")) f |= RECIPE;
  const status = value(i, "status");
  if (status === "planned" || status === "construction" || status === "idle") f |= PIPELINE;
  if ((value(i, "demand") ?? 0) > 0) f |= CONSUMER; // `isConsumer`
  if (value(i, "stock") !== undefined) f |= STOCK;
  return f;
}

export class FlowRules {
  /** Problems of the per-edge part, in edge order (they follow every edge-check problem). */
  readonly problems: Problem[] = [];
  // Keyed by node position, not id: a Map lookup would hash each edge's fresh end strings (seconds at 10^6
  // edges). Only recipe nodes are cross-checked, so only their suppliers are collected.
  // The materials supplied to each recipe node: a bit per material among the first 32 seen (a generated graph
  // has a handful), a Set only beyond; a Set per recipe node was half a million Sets at 10^6 nodes.
  private readonly materialBit = new Map<string, number>();
  private readonly suppliedBits: Uint32Array;
  private readonly suppliedMaterials = new Map<number, Set<string>>();
  private readonly withSuppliers: Uint8Array;
  /** Sum of the volumes each node ships (by position), to compare with its capacity at the end. */
  private readonly outVolume: Float64Array;
  /**
   * Per node, what the rules ask of an edge's ends, made on the first edge (every node is checked by then): the
   * common edge then reads two bytes instead of two attribute objects at random (a fifth of a 10^6-node load).
   */
  private flags: Uint8Array | null = null;
  /** Attributes by value: a table's nodes need no object made (`NodeAttributeTable.value`). */
  private readonly value: ValueOf;

  constructor(
    /** Node attributes by position in the file's node list (`si`/`ti` of the edges). */
    private readonly nodeAt: FlowRuleNodes,
  ) {
    this.withSuppliers = new Uint8Array(nodeAt.length);
    this.suppliedBits = new Uint32Array(nodeAt.length);
    this.outVolume = new Float64Array(nodeAt.length);
    if (Array.isArray(nodeAt)) {
      const list = nodeAt as ReadonlyArray<NodeAttributes | undefined>;
      this.value = (i, key) => list[i]?.[key];
    } else {
      const table = nodeAt as NodeAttributeTable;
      this.value = (i, key) => table.value(i, key);
    }
  }

  /** One kept edge; `si`/`ti` are -1 for a dangling end; `keyOf` makes the edge key for a message. */
  edge(
    source: string,
    target: string,
    si: number,
    ti: number,
    index: number,
    keyOf: () => string,
    attributes?: EdgeAttributes,
  ): void {
    const { value, problems } = this;
    const flags = this.flags ?? this.makeFlags();
    const tf = ti >= 0 ? flags[ti]! : 0;
    if ((tf & RECIPE) !== 0) this.withSuppliers[ti] = 1;
    const sf = si >= 0 ? flags[si]! : 0;
    if ((sf & PRESENT) === 0 || (tf & PRESENT) === 0) return;
    // The path string only for a problem: one per edge cost seconds of allocation at 10^6 nodes.
    const path = () => `/edges/${index}`;
    const volume = attributes?.volume;
    if (typeof volume === "number") {
      // Volumes to planned, under-construction or idle facilities are not shipped in the baseline.
      if ((tf & PIPELINE) === 0) this.outVolume[si] = this.outVolume[si]! + volume;
      const cap = attributes?.capacity;
      if (typeof cap === "number" && volume > cap * (1 + OVER_CAPACITY_SLACK))
        problems.push({
          severity: "warning",
          code: "W_VOLUME_OVER_CAPACITY",
          path: `${path()}/attributes/volume`,
          message: `edge "${keyOf()}" carries a volume of ${volume}, above its capacity of ${cap}`,
          hint: "check the figures: the volume is what is shipped, the capacity what could be",
          edgeId: keyOf(),
        });
    }
    // the attribute objects only for the rules that need them
    if (((sf | tf) & STOCK) === 0 && (sf & CONSUMER) === 0 && (tf & RECIPE) === 0) return;
    if ((sf & CONSUMER) !== 0) {
      problems.push({
        severity: "error",
        code: "E_CONSUMER_HAS_OUTPUT",
        path: path(),
        message: `consumer "${source}" (demand > 0) has an outgoing edge to "${target}"`,
        hint: "a consumer is a sink",
        nodeId: source,
        edgeId: keyOf(),
      });
    }
    if (((sf | tf) & STOCK) !== 0) {
      const ends: Array<[string, number]> = [
        [source, si],
        [target, ti],
      ];
      for (const [end, i] of ends) {
        if (value(i, "stock") !== undefined) {
          problems.push({
            severity: "error",
            code: "E_STOCKPILE_EDGE",
            path: path(),
            message: `stockpile "${end}" has an edge ("${keyOf()}")`,
            hint: "stockpiles hold a one-off stock and carry no flow",
            nodeId: end,
            edgeId: keyOf(),
          });
        }
      }
    }
    const recipe = (tf & RECIPE) !== 0;
    const output = recipe ? value(si, "output") : undefined;
    if (recipe && output === undefined) {
      problems.push({
        severity: "error",
        code: "E_SUPPLIER_NO_OUTPUT",
        path: path(),
        message: `"${target}" has a recipe but its supplier "${source}" declares no output`,
        hint: "set `output` on the supplier",
        nodeId: source,
        edgeId: keyOf(),
      });
    }
    if (recipe && output !== undefined) this.supply(ti, output);
  }

  /** Record that node i gets `material` from a supplier. */
  private supply(i: number, material: string): void {
    let bit = this.materialBit.get(material);
    if (bit === undefined) {
      bit = this.materialBit.size;
      this.materialBit.set(material, bit);
    }
    if (bit < 32) {
      this.suppliedBits[i]! |= 1 << bit;
      return;
    }
    let set = this.suppliedMaterials.get(i);
    if (set === undefined) {
      set = new Set<string>();
      this.suppliedMaterials.set(i, set);
    }
    set.add(material);
  }

  /** True when a supplier of node i outputs `material`. */
  private supplied(i: number, material: string): boolean {
    const bit = this.materialBit.get(material);
    if (bit === undefined) return false;
    if (bit < 32) return (this.suppliedBits[i]! & (1 << bit)) !== 0;
    return this.suppliedMaterials.get(i)?.has(material) === true;
  }

  private makeFlags(): Uint8Array {
    const { nodeAt, value } = this;
    const flags = new Uint8Array(nodeAt.length);
    for (let i = 0; i < nodeAt.length; i++) flags[i] = flagsOf(nodeAt, value, i);
    this.flags = flags;
    return flags;
  }

  /** The recipe cross-check, in node order, after every edge. */
  finish(idAt: ReadonlyArray<string | undefined>, problems: Problem[]): void {
    const { nodeAt, value } = this;
    for (let i = 0; i < nodeAt.length; i++) {
      // Attributes only where a rule can fire: a node that ships something, a recipe node with suppliers.
      const shipped = this.outVolume[i]!;
      const capacity = shipped > 0 ? value(i, "capacity") : undefined;
      if (typeof capacity === "number" && capacity >= 0 && shipped > capacity * (1 + OVER_CAPACITY_SLACK))
        problems.push({
          severity: "warning",
          code: "W_OUTFLOW_OVER_CAPACITY",
          path: `/nodes/${i}/attributes/capacity`,
          message: `"${idAt[i]}" ships ${shipped} in total on its edges, above its capacity of ${capacity}`,
          hint: "check the figures: a node cannot ship more than it can produce",
          nodeId: idAt[i]!,
        });
      // a source with a recipe, or an unsupplied consumer: nothing to cross-check
      if (this.withSuppliers[i] === 0) continue;
      const recipe = value(i, "recipe");
      if (!recipe || typeof recipe !== "object") continue;
      // the missing materials only are sorted (a sort of every recipe's keys was most of this pass at 10^6 nodes)
      const missing: string[] = [];
      for (const m in recipe) if (Object.hasOwn(recipe, m) && !this.supplied(i, m)) missing.push(m);
      if (missing.length === 0) continue;
      const id = idAt[i]!;
      for (const m of missing.sort()) {
        problems.push({
          severity: "error",
          code: "E_RECIPE_UNSUPPLIED",
          path: `/nodes/${i}/attributes/recipe/${m}`,
          message: `"${id}" needs "${m}" but none of its suppliers outputs it`,
          hint: "add a supplier of it or fix the material name",
          nodeId: id,
        });
      }
    }
  }
}
