/**
 * From a parsed (untrusted) graph file object to a validated `SupplyGraph`, collecting EVERY problem with its
 * JSON path and the node or edge id. The graph is built into a fresh instance and returned only when there is
 * no error: graphology's `import()` is not atomic, so we never hand out a half-built graph.
 *
 * The checks run one node and one edge at a time (`_node-check.ts`, `_edge-check.ts`), so a loader can also
 * feed them from a stream (`_stream-check.ts`); this module feeds them whole arrays.
 */
import { DirectedGraph } from "graphology";
import { type CheckedEdge, type CheckedGraph, edgeKey } from "./_checked.js";
import { EdgeChecker, EdgeListSink, type EdgeSink } from "./_edge-check.js";
import { fastFile } from "./_fast-schema.js";
import { FlowRules } from "./_flow-rules.js";
import { NodeChecker } from "./_node-check.js";
import { warnUnknown, zodProblems } from "./_problems.js";
import { findReservedKeys } from "./_reserved.js";
import { fileSchema, graphAttributesSchema, KNOWN_GRAPH_KEYS } from "./schema.js";
import type { EdgeAttributes, GraphAttributes, NodeAttributes, Problem, SupplyGraph } from "./types.js";

/** Limits on untrusted strings; configurable for unusual data. */
export interface GraphCheckOptions {
  maxIdLength?: number;
  maxLabelLength?: number;
  /**
   * The caller gives the object up (the loader does, for what it parsed): the graph may keep its attribute
   * objects instead of copies, and its node and edge lists are emptied once checked. Halves the memory of a
   * 10^6-node load. Default false: the input is left as it was.
   */
  adoptInput?: boolean;
}

export const DEFAULT_GRAPH_CHECK_OPTIONS: Required<GraphCheckOptions> = {
  maxIdLength: 512,
  maxLabelLength: 2000,
  adoptInput: false,
};

/** The result of checking a graph object: the graph when there is no error, and every problem found. */
export interface GraphCheckResult {
  graph: SupplyGraph | null;
  problems: Problem[];
}

export { type CheckedEdge, type CheckedGraph, edgeKey };

/** The result of `checkSerializedGraphParts`: the parts when there is no error, and every problem found. */
export interface GraphPartsCheckResult {
  parts: CheckedGraph | null;
  problems: Problem[];
}

/** An empty object in V8's dictionary mode with the usual prototype (one made with a null prototype starts so). */
function dictionaryObject(): object {
  return Object.setPrototypeOf(Object.create(null), Object.prototype);
}

/** What graphology 0.26 keeps per node of a directed graph: its neighbours by id, one object per direction. */
interface Adjacency {
  in?: unknown;
  out?: unknown;
}

const isEmptyObject = (x: unknown): boolean =>
  typeof x === "object" &&
  x !== null &&
  Object.getPrototypeOf(x) === Object.prototype &&
  Object.keys(x).length === 0;

/**
 * graphology keeps each node's neighbours in a plain object per direction, keyed by the neighbour's id. Filled one
 * key at a time, V8 gives every such object its own chain of hidden classes (each node has other neighbours), and
 * building the generated 10^4-node graph's 36,459 edges went largely there (about 150 ms in Node, two to three
 * times that on the viewer's page). Swapping the empty objects of the nodes for dictionary-mode ones before the
 * edges are added cut it by a quarter to a half in Node (alternating runs: medians 112-122 ms against 143-163 ms). The swap touches graphology's internal node data, so it is done only where it
 * looks as expected (a `_nodes` Map of entries with empty `in`/`out` objects); elsewhere nothing changes.
 */
function useDictionaryAdjacency(graph: SupplyGraph): void {
  const nodes = (graph as unknown as { _nodes?: unknown })._nodes;
  if (!(nodes instanceof Map)) return;
  for (const data of nodes.values() as IterableIterator<Adjacency>) {
    if (!isEmptyObject(data.in) || !isEmptyObject(data.out)) return;
    data.in = dictionaryObject();
    data.out = dictionaryObject();
  }
}

/** Build a graphology graph from checked parts. */
export function graphFromParts(parts: CheckedGraph): SupplyGraph {
  const graph: SupplyGraph = new DirectedGraph<NodeAttributes, EdgeAttributes, GraphAttributes>({
    allowSelfLoops: false,
  });
  graph.replaceAttributes(parts.attributes);
  for (const [key, attrs] of parts.nodes) graph.addNode(key, attrs);
  useDictionaryAdjacency(graph);
  for (const e of parts.edges) graph.addDirectedEdgeWithKey(edgeKey(e), e.source, e.target, e.attributes);
  return graph;
}

/**
 * Checks a parsed graph-file object and builds the graph when it is valid. Never throws on bad data.
 * @param reserved the JSON pointers of the reserved keys in `data` when the caller knows them (the loader knows
 *   from its scan of the text that a file has none); looked for in `data` when absent
 */
export function checkSerializedGraph(
  data: unknown,
  options: GraphCheckOptions = {},
  reserved?: string[],
): GraphCheckResult {
  const { parts, problems } = checkSerializedGraphParts(data, options, reserved);
  return { graph: parts ? graphFromParts(parts) : null, problems };
}

type Raw = Record<string, unknown>;

/** A finished check: every problem, and when there is no error, what a graph is built from. */
export type GraphRun<S extends EdgeSink> =
  | { ok: false; problems: Problem[] }
  | { ok: true; problems: Problem[]; attributes: GraphAttributes; nodes: NodeChecker; sink: S };

/** The graph-level problems of a file that passed `fileSchema` (options, then attributes). */
export function graphLevelCheck(fileData: {
  attributes: Raw;
  options?: { type?: string; multi?: boolean };
}): {
  problems: Problem[];
  attributes: GraphAttributes;
  stages: Set<string>;
} {
  const problems: Problem[] = [];
  const { attributes: graphAttrs, options: graphOptions } = fileData;
  if (graphOptions?.type && graphOptions.type !== "directed") {
    problems.push({
      severity: "error",
      code: "E_SCHEMA",
      path: "/options/type",
      message: `a supply graph is directed, not ${graphOptions.type}`,
    });
  }
  if (graphOptions?.multi)
    problems.push({
      severity: "error",
      code: "E_SCHEMA",
      path: "/options/multi",
      message: "multi-edges are not allowed",
    });
  const graphParsed = graphAttributesSchema.safeParse(graphAttrs);
  if (!graphParsed.success) zodProblems(graphParsed.error, "/attributes", problems);
  warnUnknown(graphAttrs, KNOWN_GRAPH_KEYS, "/attributes", problems);
  const stages = new Set(graphParsed.success ? graphParsed.data.stages : []);
  return { problems, attributes: graphParsed.data as GraphAttributes, stages };
}

/** Options with their defaults. */
export function checkLimits(options: GraphCheckOptions): Required<GraphCheckOptions> {
  return { ...DEFAULT_GRAPH_CHECK_OPTIONS, ...options };
}

/** The problems of a run in report order: graph, nodes, edges, then the rules across nodes and edges. */
export function finishRun<S extends EdgeSink>(
  graph: { problems: Problem[]; attributes: GraphAttributes },
  nodes: NodeChecker,
  edges: EdgeChecker,
  flow: FlowRules,
  sink: S,
): GraphRun<S> {
  const problems = [...graph.problems, ...nodes.problems, ...edges.problems, ...flow.problems];
  flow.finish(nodes.idAt, problems);
  if (problems.some((p) => p.severity === "error")) return { ok: false, problems };
  return { ok: true, problems, attributes: graph.attributes, nodes, sink };
}

/**
 * Check a whole parsed graph-file object, handing kept edges to a sink from `makeSink` (`reserved`: as in
 * `checkSerializedGraph`).
 */
export function checkWholeGraph<S extends EdgeSink>(
  data: unknown,
  options: GraphCheckOptions,
  makeSink: () => S,
  reserved: string[] = findReservedKeys(data),
): GraphRun<S> {
  const opts = checkLimits(options);
  if (reserved.length > 0) return { ok: false, problems: reservedKeyProblems(reserved) };
  // the fast path answers for a file object that surely passes (the lists are not copied); zod for the rest
  let fileData = fastFile(data);
  if (fileData === null) {
    const file = fileSchema.safeParse(data);
    if (!file.success) {
      const problems: Problem[] = [];
      zodProblems(file.error, "", problems);
      return { ok: false, problems };
    }
    fileData = file.data;
  }
  const { nodes, edges = [] } = fileData;
  const graph = graphLevelCheck(fileData);
  const intern = new Map<string, string>();
  const nodeChecker = new NodeChecker(opts, graph.stages, intern);
  for (let i = 0; i < nodes.length; i++) nodeChecker.check(nodes[i], i);
  let flow = new FlowRules(nodeChecker.nodeAt);
  let sink = makeSink();
  let edgeChecker = new EdgeChecker(nodeChecker, flow, sink, opts.adoptInput, intern, false);
  for (let i = 0; i < edges.length && !edgeChecker.redo; i++) edgeChecker.check(edges[i], i);
  edgeChecker.finish();
  if (edgeChecker.redo) {
    flow = new FlowRules(nodeChecker.nodeAt);
    sink = makeSink();
    edgeChecker = new EdgeChecker(nodeChecker, flow, sink, opts.adoptInput, intern, true);
    for (let i = 0; i < edges.length; i++) edgeChecker.check(edges[i], i);
  }
  if (opts.adoptInput) {
    // What the graph needs is in the checkers and the sink now; let the entry objects go before building it.
    for (const list of [nodes, edges, (data as Raw).nodes, (data as Raw).edges])
      if (Array.isArray(list)) list.length = 0;
  }
  return finishRun(graph, nodeChecker, edgeChecker, flow, sink);
}

/** The E_RESERVED_KEY problems for the JSON pointers of reserved keys. */
export function reservedKeyProblems(paths: string[]): Problem[] {
  return paths.map((path) => ({
    severity: "error",
    code: "E_RESERVED_KEY",
    path,
    message: `the key "${path.split("/").pop()}" is not allowed`,
  }));
}

/** Node id → attributes, in file order, of a run's nodes. */
export function nodeMap(nodes: NodeChecker): Map<string, NodeAttributes> {
  const map = new Map<string, NodeAttributes>();
  const { idAt, nodeAt } = nodes;
  for (let i = 0; i < nodeAt.length; i++) {
    const a = nodeAt[i];
    if (a !== undefined) map.set(idAt[i]!, a);
  }
  return map;
}

/**
 * Checks a parsed graph-file object and returns its checked parts when it is valid. Never throws on bad data
 * (`reserved`: as in `checkSerializedGraph`).
 */
export function checkSerializedGraphParts(
  data: unknown,
  options: GraphCheckOptions = {},
  reserved?: string[],
): GraphPartsCheckResult {
  const run = checkWholeGraph(data, options, () => new EdgeListSink(), reserved);
  if (!run.ok) return { parts: null, problems: run.problems };
  return {
    parts: { attributes: run.attributes, nodes: nodeMap(run.nodes), edges: run.sink.edges },
    problems: run.problems,
  };
}
