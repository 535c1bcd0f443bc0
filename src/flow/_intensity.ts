/**
 * Material intensity: tonnes of material m needed per tonne of a product, through the chain of recipes in the
 * FILE graph (e.g. DyTb-oxide per tonne of NdFeB-magnet = DyTb-metal per magnet × DyTb-oxide per DyTb-metal).
 * Where several producers make the same product with different recipes, the most intensive one counts, so a
 * stock converted with it covers the fewest tonnes (the cautious reading). Producers without a recipe pass
 * their inputs through one for one. Used to turn a stockpile of a material into tonnes of consumer demand.
 */
import { isPipeline, type SupplyGraph } from "../model/types.js";

/** Intensity lookup for one graph: `of(product, material)`. */
export interface Intensity {
  of(product: string, material: string): number;
  /** Tonnes of `material` per tonne of what `consumer` demands. */
  perDemand(consumer: string, material: string): number;
}

/** Build the lookup (memoised; cycles in the material chain contribute nothing). */
export function materialIntensity(graph: SupplyGraph): Intensity {
  // product → the input mixes that make it (a recipe, or the supplier materials of a recipe-less producer)
  const mixes = new Map<string, Array<Record<string, number>>>();
  graph.forEachNode((id, a) => {
    // Only facilities that run today set the intensity: a planned plant's recipe says nothing about the stock.
    if (a.output === undefined || graph.inDegree(id) === 0 || isPipeline(a) || a.status === "idle") return;
    let mix: Record<string, number> | undefined = a.recipe;
    if (!mix) {
      mix = {};
      for (const s of graph.inNeighbors(id)) {
        const m = graph.getNodeAttribute(s, "output");
        if (m !== undefined && m !== a.output) mix[m] = 1;
      }
      // a pass-through needs one unit of ONE of its inputs, not of each: keep them as alternatives
      for (const [m] of Object.entries(mix)) {
        const list = mixes.get(a.output) ?? [];
        list.push({ [m]: 1 });
        mixes.set(a.output, list);
      }
      return;
    }
    const list = mixes.get(a.output) ?? [];
    list.push(mix);
    mixes.set(a.output, list);
  });
  const memo = new Map<string, number>();
  const visiting = new Set<string>();
  const of = (product: string, material: string): number => {
    if (product === material) return 1;
    const key = `${product}\u0000${material}`;
    const known = memo.get(key);
    if (known !== undefined) return known;
    if (visiting.has(key)) return 0;
    visiting.add(key);
    let most = 0;
    for (const mix of mixes.get(product) ?? []) {
      let need = 0;
      for (const [m, amount] of Object.entries(mix)) need += amount * of(m, material);
      most = Math.max(most, need);
    }
    visiting.delete(key);
    memo.set(key, most);
    return most;
  };
  const perDemand = (consumer: string, material: string): number => {
    const recipe = graph.getNodeAttribute(consumer, "recipe");
    if (recipe) return Object.entries(recipe).reduce((t, [m, amount]) => t + amount * of(m, material), 0);
    let most = 0;
    for (const s of graph.inNeighbors(consumer)) {
      const m = graph.getNodeAttribute(s, "output");
      if (m !== undefined) most = Math.max(most, of(m, material));
    }
    return most;
  };
  return { of, perDemand };
}
