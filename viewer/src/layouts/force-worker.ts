/**
 * Web worker running ForceAtlas2 (Jacomy et al., PLoS ONE 2014; graphology-layout-forceatlas2) off the main
 * thread for a fixed number of iterations, from given start positions: the same input gives the same layout, so
 * a shared link reproduces the picture (the library's own supervisor runs until stopped, so its result depends
 * on timing).
 */
import { DirectedGraph } from "graphology";
import forceAtlas2Module from "graphology-layout-forceatlas2";

// The package is CommonJS typed as `export default`: under NodeNext TypeScript sees the module object, while the
// bundler hands over `module.exports` itself. Take `.default` when present, else the import.
type ForceAtlas2 = (typeof forceAtlas2Module)["default"];
const forceAtlas2: ForceAtlas2 =
  (forceAtlas2Module as unknown as { default?: ForceAtlas2 }).default ??
  (forceAtlas2Module as unknown as ForceAtlas2);

export interface ForceRequest {
  nodes: Array<[id: string, x: number, y: number]>;
  edges: Array<[source: string, target: string, weight: number]>;
  iterations: number;
}

export interface ForceResponse {
  positions: Array<[id: string, x: number, y: number]>;
}

self.onmessage = (event: MessageEvent<ForceRequest>) => {
  const { nodes, edges, iterations } = event.data;
  const graph = new DirectedGraph({ multi: false });
  for (const [id, x, y] of nodes) graph.addNode(id, { x, y });
  for (const [s, t, w] of edges) if (!graph.hasEdge(s, t)) graph.addEdge(s, t, { weight: w });
  const settings = { ...forceAtlas2.inferSettings(graph), adjustSizes: false, linLogMode: false };
  forceAtlas2.assign(graph, { iterations, settings, getEdgeWeight: "weight" });
  const positions: ForceResponse["positions"] = [];
  graph.forEachNode((id: string, a: Record<string, unknown>) =>
    positions.push([id, a.x as number, a.y as number]),
  );
  (self as unknown as Worker).postMessage({ positions } satisfies ForceResponse);
};
