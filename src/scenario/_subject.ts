/**
 * What a scenario is resolved against, as one interface: a graphology graph or the integer view of one (`Csr`),
 * which large files are loaded into directly. Edges are opaque handles; their keys are made only for the edges a
 * cut hits.
 */
import { type Csr, edgeKeyOf } from "../model/csr.js";
import type { MaterialInfo, NodeAttributes, SupplyGraph } from "../model/types.js";

/** A graph or its integer view, as the scenario resolver reads it. */
export interface ScenarioSubject<E> {
  /** The integer view this subject reads, or null for a graphology graph. */
  readonly view: Csr | null;
  hasNode(id: string): boolean;
  /** Every node; `index` is its position in the integer view (subjects made from a view only). */
  forEachNode(visit: (id: string, a: NodeAttributes, index?: number) => void): void;
  forEachEdge(visit: (edge: E, s: string, t: string, sa: NodeAttributes, ta: NodeAttributes) => void): void;
  edgeKey(edge: E): string;
  /** The edge's baseline volume (0 when absent). */
  edgeVolume(edge: E): number;
  /** Sum of the baseline volume the node ships. */
  outVolume(id: string): number;
  /** The graph attribute `materials` ({} when absent). */
  materials(): Readonly<Record<string, MaterialInfo>>;
}

/** A graphology supply graph as a subject. */
export function graphSubject(graph: SupplyGraph): ScenarioSubject<string> {
  return {
    view: null,
    hasNode: (id) => graph.hasNode(id),
    forEachNode: (visit) => graph.forEachNode((id, a) => visit(id, a)),
    forEachEdge: (visit) => graph.forEachEdge((edge, _e, s, t, sa, ta) => visit(edge, s, t, sa, ta)),
    edgeKey: (edge) => edge,
    edgeVolume: (edge) => graph.getEdgeAttribute(edge, "volume") ?? 0,
    outVolume(id) {
      let sum = 0;
      graph.forEachOutEdge(id, (_edge, e) => {
        sum += e.volume ?? 0;
      });
      return sum;
    },
    materials: () => graph.getAttribute("materials") ?? {},
  };
}

/** The integer view of a graph as a subject (edges are indices). */
export function csrSubject(csr: Csr): ScenarioSubject<number> {
  const { ids, nodeAttributes: attrs } = csr;
  return {
    view: csr,
    hasNode: (id) => csr.index.has(id),
    forEachNode(visit) {
      for (let v = 0; v < csr.n; v++) visit(ids[v]!, attrs.at(v), v);
    },
    forEachEdge(visit) {
      for (let e = 0; e < csr.m; e++) {
        const s = csr.edgeSource[e]!;
        const t = csr.edgeTarget[e]!;
        visit(e, ids[s]!, ids[t]!, attrs.at(s), attrs.at(t));
      }
    },
    edgeKey: (e) => edgeKeyOf(csr, e),
    edgeVolume: (e) => csr.volume[e]!,
    outVolume(id) {
      const v = csr.index.get(id)!;
      let sum = 0;
      for (let i = csr.outOffsets[v]!; i < csr.outOffsets[v + 1]!; i++) sum += csr.volume[csr.outEdges[i]!]!;
      return sum;
    },
    materials: () => csr.graphAttributes.materials ?? {},
  };
}
