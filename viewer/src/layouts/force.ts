/** Force layout: ForceAtlas2 in a web worker (see force-worker.ts), started from the tiers layout. */
import type { SupplyGraph } from "../../../src/model/types.js";
import type { ForceRequest, ForceResponse } from "./force-worker.js";
import type { Positions } from "./types.js";

/** Iterations: enough for the bundled graphs to settle; fewer on big graphs to stay within a few seconds. */
export function forceIterations(nodes: number): number {
  return nodes <= 2_000 ? 500 : nodes <= 20_000 ? 150 : 50;
}

/** The worker's input: start positions and edges weighted by log volume (heavy flows pull harder). */
export function forceRequest(graph: SupplyGraph, start: Positions): ForceRequest {
  const nodes: ForceRequest["nodes"] = [];
  graph.forEachNode((id) => {
    const p = start.get(id) ?? { x: 0, y: 0 };
    nodes.push([id, p.x, p.y]);
  });
  const edges: ForceRequest["edges"] = [];
  graph.forEachEdge((_e, a, s, t) => edges.push([s, t, 1 + Math.log1p(a.volume ?? 0)]));
  return { nodes, edges, iterations: forceIterations(graph.order) };
}

/** Run the layout in a worker; resolves with the positions. */
export function forceLayout(graph: SupplyGraph, start: Positions): Promise<Positions> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL("./force-worker.ts", import.meta.url), { type: "module" });
    worker.onmessage = (event: MessageEvent<ForceResponse>) => {
      worker.terminate();
      resolve(new Map(event.data.positions.map(([id, x, y]) => [id, { x, y }])));
    };
    worker.onerror = (event) => {
      worker.terminate();
      reject(new Error(`force layout failed: ${event.message}`));
    };
    worker.postMessage(forceRequest(graph, start));
  });
}
