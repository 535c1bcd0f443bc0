/**
 * Renaming and shuffling a graph file, for the tests that no figure depends on node ids, edge keys or file order.
 */
import { parseGraph } from "../../src/io/parse-graph.js";
import { mulberry32 } from "../../src/model/random.js";
import type { SupplyGraph } from "../../src/model/types.js";

/** A renamed, shuffled copy of a graph with the maps between old and new ids. */
export interface Renamed {
  graph: SupplyGraph;
  /** new id → old id */
  back: Map<string, string>;
  /** old id → new id */
  forth: Map<string, string>;
}

export function shuffle<T>(items: T[], next: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** Every node gets a new id whose sort order is unrelated to the old one; nodes and edges are shuffled. */
export function renameAndShuffle(graph: SupplyGraph, seed: number): Renamed {
  const next = mulberry32(seed);
  const ids = graph.nodes();
  const order = shuffle(
    ids.map((_, k) => k),
    next,
  );
  const forth = new Map(ids.map((id, k) => [id, `x${String(order[k]).padStart(4, "0")}-${id.length}`]));
  const back = new Map([...forth].map(([a, b]) => [b, a]));
  const data = graph.export();
  const nodes = shuffle(
    data.nodes.map((n) => ({ key: forth.get(n.key)!, attributes: n.attributes })),
    next,
  );
  const edges = shuffle(
    (data.edges ?? []).map((e) => {
      const source = forth.get(e.source)!;
      const target = forth.get(e.target)!;
      return { key: `${source}->${target}`, source, target, attributes: e.attributes };
    }),
    next,
  );
  const text = JSON.stringify({ attributes: data.attributes, options: data.options, nodes, edges });
  return { graph: parseGraph(text), back, forth };
}
