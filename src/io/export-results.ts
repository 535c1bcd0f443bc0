/**
 * `analyze --export result.gexf|.graphml|.json`: the analysed graph with every result as node attributes, so
 * that Gephi or Cytoscape can colour and size nodes by them. The graph keeps every node and edge; what the
 * scenario took out is marked (`scenario` = removed / excluded / online, edge `removedByScenario`) rather than
 * dropped, so the picture shows the hole. Results arrive as a plain object (io does not import the analyses).
 */
import type { SupplyGraph } from "../model/types.js";
import { type WritableFormat, type WriteGraphFileResult, writeGraphFile } from "./write-graph-file.js";

/** Per-node result attributes: node id → attribute name → value (null/undefined values are left out). */
export type NodeResults = Record<
  string,
  Record<string, string | number | boolean | string[] | null | undefined>
>;

/**
 * The parts of `analyze`'s result that the export uses, typed by shape so that io/ does not depend on
 * analysis/. Extra parts (a flow analysis) are picked up when present.
 */
export interface AnalysisForExport {
  scenario: {
    name: string;
    removedNodes: string[];
    excludedNodes: string[];
    removedEdges: [string, string][];
  };
  consumers: Array<{
    id: string;
    supplied: boolean;
    missing: string[];
    singlePointsOfFailure: string[];
    /** Left out of the list by the listing limit (absent = none). */
    singlePointsOfFailureOmitted?: number;
    minFailures: number | null;
  }>;
  nodes: Array<{
    id: string;
    consumersCutAlone: number;
    demandCutAlone: number;
    betweenness: number;
    volumeShare: number;
  }>;
  unsupplied: string[];
  flow?: { flow?: { consumers?: Array<{ id: string; served: number; fraction: number }> } };
}

/**
 * Node attributes from an analysis: on every node `scenario`, `consumersCutAlone` (consumers it is a single
 * point of failure for), `demandCutAlone`, `betweenness`, `volumeShare`; on consumers also `supplied`,
 * `missing`, `singlePointsOfFailure` (their count), `minFailures`, and with a flow analysis `served` and
 * `servedFraction`.
 */
export function nodeResultsFromAnalysis(result: AnalysisForExport): NodeResults {
  const out: NodeResults = {};
  const at = (id: string) => {
    out[id] ??= {};
    return out[id];
  };
  for (const n of result.nodes) {
    Object.assign(at(n.id), {
      consumersCutAlone: n.consumersCutAlone,
      demandCutAlone: n.demandCutAlone,
      betweenness: n.betweenness,
      volumeShare: n.volumeShare,
    });
  }
  for (const c of result.consumers) {
    Object.assign(at(c.id), {
      supplied: c.supplied,
      missing: c.missing,
      singlePointsOfFailure: c.singlePointsOfFailure.length + (c.singlePointsOfFailureOmitted ?? 0),
      minFailures: c.minFailures,
    });
  }
  for (const c of result.flow?.flow?.consumers ?? [])
    Object.assign(at(c.id), { served: c.served, servedFraction: c.fraction });
  const removed = new Set(result.scenario.removedNodes);
  const excluded = new Set(result.scenario.excludedNodes);
  for (const id of Object.keys(out))
    at(id).scenario = removed.has(id) ? "removed" : excluded.has(id) ? "excluded" : "online";
  for (const id of removed) at(id).scenario = "removed";
  for (const id of excluded) if (!removed.has(id)) at(id).scenario = "excluded";
  return out;
}

/**
 * Write `graph` with `results` merged into its node attributes (result names win over none of the graph's:
 * a clash is prefixed `result_`), and `removedEdges` marked, to `path` in `to` or the extension's format.
 * The graph itself is not modified.
 * @throws as `writeGraphFile`.
 */
export function exportResults(
  graph: SupplyGraph,
  results: NodeResults,
  path: string,
  options: { to?: WritableFormat; removedEdges?: Array<[string, string]>; scenarioName?: string } = {},
): WriteGraphFileResult {
  const copy = graph.copy();
  for (const [id, attrs] of Object.entries(results)) {
    if (!copy.hasNode(id)) continue;
    for (const [k, v] of Object.entries(attrs)) {
      if (v === null || v === undefined) continue;
      copy.setNodeAttribute(id, copy.hasNodeAttribute(id, k) ? `result_${k}` : k, v);
    }
  }
  for (const [s, t] of options.removedEdges ?? []) {
    if (copy.hasDirectedEdge(s, t))
      copy.setEdgeAttribute(copy.directedEdge(s, t)!, "removedByScenario", true);
  }
  if (options.scenarioName !== undefined) copy.setAttribute("scenario", options.scenarioName);
  return writeGraphFile(copy, path, options.to ? { to: options.to } : {});
}
