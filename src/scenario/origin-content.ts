/**
 * Origin content: how much of what each node makes comes from one origin country, by value or by rare-earth
 * mass, given the flows on the edges (baseline volumes, or an allocation). This is what an origin rule such as
 * MOFCOM Announcement 61 ("foreign-made magnets whose China-origin rare-earth inputs are worth 0.1% or more of
 * the item's value") is judged on.
 *
 * The model is proportional mixing: a plant blends what it buys, so each of its outputs carries the average
 * content of its inputs (no segregation of batches by origin). Material made in the origin country is entirely
 * of that origin (China's rules count what is mined or processed in China as China-origin), and content is
 * conserved through processing: tonnes of origin rare earth in = tonnes out, and origin value passes on at the
 * inputs' prices while value added elsewhere is not of that origin.
 */
import { kahnOrder } from "../model/_kahn.js";
import { ScenarioError } from "../model/errors.js";
import type { MaterialInfo, SupplyGraph } from "../model/types.js";
import type { AppliedScenario } from "./types.js";

/** Whether content is measured as a share of the goods' value or of their rare-earth (REO-equivalent) mass. */
export type ContentBasis = "value" | "mass";

/** The network content is computed on: nodes `0..n-1`, each with its incoming edges and their flows. */
export interface ContentNetwork {
  /** Node count. */
  n: number;
  /** Each node's country (ISO 3166-1 alpha-2). */
  country: readonly string[];
  /** The material each node makes (`output`); undefined = unnamed. */
  output: ReadonlyArray<string | undefined>;
  /** Each node's recipe (material → amount per unit of output), or undefined (any supplier will do). */
  recipe: ReadonlyArray<Readonly<Record<string, number>> | undefined>;
  /** Each node's incoming edges: supplier index and flow (tonnes per year of the supplier's output). */
  inEdges: ReadonlyArray<ReadonlyArray<{ from: number; flow: number }>>;
  /** Node ids, only to name a node in an error. */
  ids: readonly string[];
}

/**
 * The share (0 to 1) of each node's output that comes from `origin`, by `basis`, as a `Float64Array` indexed
 * like the network. A node in the origin country has share 1; a node with no inflow that is not in it has 0.
 *
 * Mixing rules, per node outside the origin country:
 * - no recipe, or no `output` (a consumer): the inflow-weighted mean of the suppliers' shares (weights = tonnes ×
 *   REO factor for mass, tonnes × value per tonne for value; one input material needs no price);
 * - recipe `r`: per input material `m`, `c_m` = the inflow-weighted mean share of its suppliers; then by mass
 *   `Σ r_m·reo_m·c_m / Σ r_m·reo_m` (share of the rare-earth content), by value `Σ r_m·price_m·c_m / price_out`
 *   (origin value per unit of output over the output's value; capped at 1).
 *
 * Algorithm: the shares are the least fixed point of these monotone equations (origin nodes fixed at 1), found
 * by Kleene iteration from 0 in a topological order: one pass on an acyclic graph, repeated passes until
 * nothing changes (or 1e-15) where recycling loops close a cycle. Unique, whatever the node order.
 * @throws ScenarioError E_SCENARIO_ORIGIN_PRICE when a value share needs a material's `valuePerTonne` (graph
 *   attribute `materials`) that the graph does not give.
 */
export function originContent(
  network: ContentNetwork,
  origin: string,
  basis: ContentBasis,
  materials: Readonly<Record<string, MaterialInfo>> = {},
): Float64Array {
  const share = new Float64Array(network.n);
  for (let v = 0; v < network.n; v++) if (network.country[v] === origin) share[v] = 1;
  const order = topologicalOrder(network);
  const weight = weightOf(basis, materials, network);
  for (let pass = 0; pass <= network.n + 1; pass++) {
    let changed = 0;
    for (const v of order) {
      if (network.country[v] === origin) continue;
      const next = mixedShare(network, v, share, basis, weight);
      changed = Math.max(changed, Math.abs(next - share[v]!));
      share[v] = next;
    }
    if (changed <= 1e-15) break;
  }
  return share;
}

/** The weight of one tonne of `material` in a blend: its REO factor (mass) or its price (value). */
type Weight = (material: string | undefined, v: number) => number;

function weightOf(
  basis: ContentBasis,
  materials: Readonly<Record<string, MaterialInfo>>,
  network: ContentNetwork,
): Weight {
  if (basis === "mass") return (m) => (m === undefined ? 1 : (materials[m]?.reoFactor ?? 1));
  return (m, v) => {
    const price = m === undefined ? undefined : materials[m]?.valuePerTonne;
    if (price === undefined || !(price > 0)) {
      throw new ScenarioError(
        "E_SCENARIO_ORIGIN_PRICE",
        `node "${network.ids[v]}": a value share needs the value per tonne of material "${m ?? "(unnamed)"}", which the graph's materials do not give`,
        { hint: 'add materials.<name>.valuePerTonne to the graph attributes, or judge the rule by "mass"' },
      );
    }
    return price;
  };
}

/** One node's share from its suppliers' current shares. */
function mixedShare(
  network: ContentNetwork,
  v: number,
  share: Float64Array,
  basis: ContentBasis,
  weight: Weight,
): number {
  const inEdges = network.inEdges[v]!;
  // Inflow and origin inflow per input material (tonnes), so a blend of one material needs no price.
  const byMaterial = new Map<string | undefined, { flow: number; content: number }>();
  for (const { from, flow } of inEdges) {
    if (!(flow > 0)) continue;
    const m = network.output[from];
    const entry = byMaterial.get(m) ?? { flow: 0, content: 0 };
    entry.flow += flow;
    entry.content += flow * share[from]!;
    byMaterial.set(m, entry);
  }
  if (byMaterial.size === 0) return 0;
  // A node that makes no named material (a consumer) has no output price: its share is that of what it receives.
  const recipe = network.output[v] === undefined ? undefined : network.recipe[v];
  if (recipe === undefined) {
    if (byMaterial.size === 1) {
      const only = [...byMaterial.values()][0]!;
      return only.content / only.flow;
    }
    let total = 0;
    let content = 0;
    for (const [m, entry] of [...byMaterial].sort(byKey)) {
      const w = weight(m, v);
      total += entry.flow * w;
      content += entry.content * w;
    }
    return content / total;
  }
  let total = 0;
  let content = 0;
  for (const m of Object.keys(recipe).sort()) {
    const entry = byMaterial.get(m);
    const c = entry ? entry.content / entry.flow : 0;
    if (basis === "mass") {
      const w = recipe[m]! * weight(m, v);
      total += w;
      content += w * c;
    } else if (c > 0) {
      content += recipe[m]! * weight(m, v) * c;
    }
  }
  if (basis === "mass") return total > 0 ? content / total : 0;
  if (content === 0) return 0;
  const price = weight(network.output[v], v);
  return Math.min(1, content / price);
}

function byKey<V>(a: [string | undefined, V], b: [string | undefined, V]): number {
  const x = a[0] ?? "";
  const y = b[0] ?? "";
  return x < y ? -1 : x > y ? 1 : 0;
}

/**
 * Kahn's order of the nodes over the content edges (`_kahn.ts`); nodes on a cycle (recycling loops) follow in
 * index order. The order only decides how fast the iteration converges, never its limit.
 */
function topologicalOrder(network: ContentNetwork): Int32Array {
  const out: number[][] = Array.from({ length: network.n }, () => []);
  for (let v = 0; v < network.n; v++) for (const { from } of network.inEdges[v]!) out[from]!.push(v);
  return kahnOrder(network.n, (v, visit) => {
    for (const w of out[v]!) visit(w);
  }).order;
}

/**
 * The content network of a graph under a resolved scenario, on the baseline volumes: nodes that are out (removed,
 * pipeline or idle) and cut edges carry nothing. Indexed like `graph.nodes()`. This is the network origin rules
 * are judged on when every rule applies at once (for timed rules, see docs/scenarios.md).
 * @example
 * ```ts
 * const graph = loadBundledGraph("rare-earths-2025");
 * const network = contentNetworkOf(graph, applyScenario(graph, { name: "baseline" }));
 * const share = originContent(network, "CN", "value", graph.getAttribute("materials"));
 * graph.nodes().forEach((id, i) => console.log(id, share[i]));
 * ```
 */
export function contentNetworkOf(
  graph: SupplyGraph,
  applied: Pick<AppliedScenario, "nodeOut" | "edgeOut">,
): ContentNetwork {
  const ids = graph.nodes();
  const index = new Map(ids.map((id, i) => [id, i]));
  const kept = (e: string) =>
    !applied.edgeOut.has(e) && !applied.nodeOut.has(graph.source(e)) && !applied.nodeOut.has(graph.target(e));
  return {
    n: ids.length,
    ids,
    country: ids.map((id) => graph.getNodeAttribute(id, "country")),
    output: ids.map((id) => graph.getNodeAttribute(id, "output")),
    recipe: ids.map((id) => graph.getNodeAttribute(id, "recipe")),
    inEdges: ids.map((id) =>
      graph
        .inEdges(id)
        .filter(kept)
        .map((e) => ({ from: index.get(graph.source(e))!, flow: graph.getEdgeAttribute(e, "volume") ?? 0 })),
    ),
  };
}
