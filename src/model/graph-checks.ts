/**
 * From a parsed (untrusted) graph file object to a validated `SupplyGraph`, collecting EVERY problem with its
 * JSON path and the node or edge id. The graph is built into a fresh instance and returned only when there is
 * no error: graphology's `import()` is not atomic, so we never hand out a half-built graph.
 */
import { DirectedGraph } from "graphology";
import { isCountryCode } from "./countries.js";
import {
  edgeAttributesSchema,
  edgeEntrySchema,
  fileSchema,
  graphAttributesSchema,
  KNOWN_EDGE_KEYS,
  KNOWN_GRAPH_KEYS,
  KNOWN_NODE_KEYS,
  nodeAttributesSchema,
  nodeEntrySchema,
  RESERVED_DRAWING_KEYS,
} from "./schema.js";
import {
  type EdgeAttributes,
  type GraphAttributes,
  isConsumer,
  type NodeAttributes,
  type Problem,
  type SupplyGraph,
  UNKNOWN_COUNTRY,
} from "./types.js";
import {
  fastEdgeAttributes,
  fastEdgeEntry,
  fastNodeAttributes,
  fastNodeEntry,
  isPlainRecord,
} from "./_fast-schema.js";
import { type CheckedEdge, type CheckedGraph, edgeKey } from "./_checked.js";
import { checkFlowRules } from "./_flow-rules.js";
import { warnUnknown, zodProblems } from "./_problems.js";
import { findReservedKeys, isReservedId } from "./_reserved.js";

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

/** True when `raw` has an own key outside `known` (one pass, no allocation: the common case has none). */
function hasUnknownKey(raw: Raw, known: ReadonlySet<string>): boolean {
  for (const k in raw) if (!known.has(k)) return true;
  return false;
}

/** Build a graphology graph from checked parts. */
export function graphFromParts(parts: CheckedGraph): SupplyGraph {
  const graph: SupplyGraph = new DirectedGraph<NodeAttributes, EdgeAttributes, GraphAttributes>({
    allowSelfLoops: false,
  });
  graph.replaceAttributes(parts.attributes);
  for (const [key, attrs] of parts.nodes) graph.addNode(key, attrs);
  for (const e of parts.edges) graph.addDirectedEdgeWithKey(edgeKey(e), e.source, e.target, e.attributes);
  return graph;
}

/** Checks a parsed graph-file object and builds the graph when it is valid. Never throws on bad data. */
export function checkSerializedGraph(data: unknown, options: GraphCheckOptions = {}): GraphCheckResult {
  const { parts, problems } = checkSerializedGraphParts(data, options);
  return { graph: parts ? graphFromParts(parts) : null, problems };
}

type Raw = Record<string, unknown>;

/**
 * Checks a parsed graph-file object and returns its checked parts when it is valid. Never throws on bad data.
 */
export function checkSerializedGraphParts(
  data: unknown,
  options: GraphCheckOptions = {},
): GraphPartsCheckResult {
  const opts = { ...DEFAULT_GRAPH_CHECK_OPTIONS, ...options };
  const problems: Problem[] = [];
  const add = (p: Omit<Problem, "severity"> & { severity?: Problem["severity"] }) =>
    problems.push({ severity: "error", ...p } as Problem);

  for (const path of findReservedKeys(data)) {
    add({ code: "E_RESERVED_KEY", path, message: `the key "${path.split("/").pop()}" is not allowed` });
  }
  if (problems.length > 0) return { parts: null, problems };

  const file = fileSchema.safeParse(data);
  if (!file.success) {
    zodProblems(file.error, "", problems);
    return { parts: null, problems };
  }
  const { attributes: graphAttrs, options: graphOptions, nodes, edges = [] } = file.data;
  if (graphOptions?.type && graphOptions.type !== "directed") {
    add({
      code: "E_SCHEMA",
      path: "/options/type",
      message: `a supply graph is directed, not ${graphOptions.type}`,
    });
  }
  if (graphOptions?.multi)
    add({ code: "E_SCHEMA", path: "/options/multi", message: "multi-edges are not allowed" });

  const graphParsed = graphAttributesSchema.safeParse(graphAttrs);
  if (!graphParsed.success) zodProblems(graphParsed.error, "/attributes", problems);
  warnUnknown(graphAttrs, KNOWN_GRAPH_KEYS, "/attributes", problems);
  const stages = new Set(graphParsed.success ? graphParsed.data.stages : []);

  // Equal `sources` strings are shared (see _fast-schema.ts): the same source on every edge is common.
  const intern = new Map<string, string>();
  const nodeIndex = new Map<string, number>();
  const nodeAttrs = new Map<string, NodeAttributes>();
  const nodeAt: Array<NodeAttributes | undefined> = new Array(nodes.length);
  nodes.forEach((entry, i) => {
    const path = `/nodes/${i}`;
    // Fast paths (see _fast-schema.ts) return what zod would for surely valid input; zod reports the rest.
    let entryData = fastNodeEntry(entry) as { key: string | number; attributes: Raw } | null;
    if (entryData === null) {
      const parsed = nodeEntrySchema.safeParse(entry);
      if (!parsed.success) return void zodProblems(parsed.error, path, problems);
      entryData = parsed.data;
    }
    const key = entryData.key;
    if (typeof key !== "string") {
      return void add({ code: "E_TYPE", path: `${path}/key`, message: `node key ${key} must be a string` });
    }
    const id = { nodeId: key };
    if (key.length > opts.maxIdLength) {
      return void add({
        code: "E_LIMIT",
        path: `${path}/key`,
        message: `node id is ${key.length} characters (limit ${opts.maxIdLength})`,
        nodeId: key.slice(0, 40),
      });
    }
    if (isReservedId(key)) {
      add({
        code: "E_RESERVED_ID",
        path: `${path}/key`,
        message: `node id "${key}" is reserved`,
        hint: "rename it",
        ...id,
      });
    }
    const previous = nodeIndex.get(key);
    if (previous !== undefined) {
      return void add({
        code: "E_DUPLICATE_NODE",
        path: `${path}/key`,
        message: `node "${key}" is defined twice (nodes ${previous} and ${i})`,
        ...id,
      });
    }
    nodeIndex.set(key, i);
    const raw = entryData.attributes;
    const attrsPath = `${path}/attributes`;
    const fast = fastNodeAttributes(raw, opts.adoptInput, intern);
    const attrs = fast === null ? nodeAttributesSchema.safeParse(raw) : null;
    // Keep checking a malformed node (stage, country, reserved keys) so that one run lists every problem.
    if (attrs && !attrs.success) zodProblems(attrs.error, attrsPath, problems, key);
    const a = (fast ?? (attrs?.success ? attrs.data : { ...raw })) as NodeAttributes;
    if (typeof a.label === "string" && a.label.length > opts.maxLabelLength) {
      add({
        code: "E_LIMIT",
        path: `${attrsPath}/label`,
        message: `label of node "${key}" is ${a.label.length} characters (limit ${opts.maxLabelLength})`,
        ...id,
      });
    }
    if (stages.size > 0 && typeof a.stage === "string" && !stages.has(a.stage)) {
      add({
        code: "E_SCHEMA",
        path: `${attrsPath}/stage`,
        message: `node "${key}" has stage "${a.stage}", which is not in the graph's stages`,
        hint: `one of ${[...stages].join(", ")}`,
        ...id,
      });
    }
    if (a.country === undefined) {
      add({
        severity: "warning",
        code: "W_MISSING_COUNTRY",
        path: `${attrsPath}/country`,
        message: `node "${key}" has no country; counted as ${UNKNOWN_COUNTRY} (unknown)`,
        ...id,
      });
      a.country = UNKNOWN_COUNTRY;
    } else if (typeof a.country === "string" && !isCountryCode(a.country)) {
      add({
        code: "E_VALUE",
        path: `${attrsPath}/country`,
        message: `node "${key}" has country "${a.country}", not an ISO 3166-1 alpha-2 code`,
        ...id,
      });
    }
    for (const k of Object.keys(raw)) {
      if (RESERVED_DRAWING_KEYS.has(k)) {
        add({
          code: "E_SCHEMA",
          path: `${attrsPath}/${k}`,
          message: `node "${key}" sets "${k}", which the viewer reserves for drawing`,
          hint: "remove it (use `stage` for the kind of node)",
          ...id,
        });
      }
    }
    warnUnknown(raw, KNOWN_NODE_KEYS, attrsPath, problems, key);
    if (a.stock !== undefined && isConsumer(a)) {
      add({
        code: "E_SCHEMA",
        path: `${attrsPath}/stock`,
        message: `node "${key}" has both stock and demand`,
        hint: "put private stock on a consumer as stockpileDays",
        ...id,
      });
    }
    // Invalid nodes take part in the graph-level checks too, so a bad capacity does not cascade into
    // "missing node" or "recipe unsupplied" noise; the graph is built only when there is no error at all.
    nodeAttrs.set(key, a);
    nodeAt[i] = a;
  });

  const edgeList: CheckedEdge[] = [];
  let edgeKeys = new Map<string, number>();
  // Pairs of known nodes are keyed by a number (no string per edge); pairs with a dangling end by a string.
  let pairs = new Map<number | string, number>();
  const nodeCount = nodes.length;
  // Two Maps of millions of string keys dominated loading 10^6 nodes. When no edge has an explicit key and no
  // node id contains "->", edge keys are `source->target`, so two keys collide exactly when two edges join the
  // same pair; a first pass then only records pair codes, and sorting them finds any repeat. If one repeats (or
  // an end dangles), the pass is redone with the Maps, so the problems and their order are those of the exact
  // pass in every case.
  let exact =
    [...nodeIndex.keys()].some((k) => k.includes("->")) ||
    edges.some((e) => !isPlainRecord(e) || e.key !== undefined);
  let codes = exact ? new Float64Array(0) : new Float64Array(edges.length);
  let codeCount = 0;
  let redo = false;
  const dangling = (i: number, name: "source" | "target", end: string, key: string) =>
    add({
      code: "E_DANGLING_EDGE",
      path: `/edges/${i}/${name}`,
      message: `edge ${i} ("${key}") points to node "${end}", which does not exist`,
      hint: "nodes are never created implicitly",
      edgeId: key,
    });
  const checkEdge = (entry: unknown, i: number) => {
    if (redo) return;
    const path = `/edges/${i}`;
    let parsed = fastEdgeEntry(entry) as {
      key?: string | number | undefined;
      source: string | number;
      target: string | number;
      attributes?: Raw | undefined;
    } | null;
    if (parsed === null) {
      const slow = edgeEntrySchema.safeParse(entry);
      if (!slow.success) return void zodProblems(slow.error, path, problems);
      parsed = slow.data;
    }
    const { source, target } = parsed;
    if (typeof source !== "string" || typeof target !== "string") {
      return void add({ code: "E_TYPE", path, message: `edge ${i}: source and target must be strings` });
    }
    const explicitKey = parsed.key === undefined ? undefined : String(parsed.key);
    // The key string and the id object are made only for a problem: at 10^6 edges their garbage was seconds.
    const keyOf = () => explicitKey ?? `${source}->${target}`;
    if (typeof parsed.key === "number")
      add({ code: "E_TYPE", path: `${path}/key`, message: `edge key ${keyOf()} must be a string`, edgeId: keyOf() });
    if (explicitKey !== undefined && isReservedId(explicitKey))
      add({
        code: "E_RESERVED_ID",
        path: `${path}/key`,
        message: `edge key "${explicitKey}" is reserved`,
        edgeId: explicitKey,
      });
    const si = nodeIndex.get(source);
    const ti = nodeIndex.get(target);
    if (si === undefined || ti === undefined) {
      if (!exact) {
        redo = true;
        return;
      }
      if (si === undefined) dangling(i, "source", source, keyOf());
      if (ti === undefined) dangling(i, "target", target, keyOf());
    }
    const raw = (parsed.attributes ?? {}) as Raw;
    const fast = fastEdgeAttributes(raw, opts.adoptInput, intern);
    const attrs = fast === null ? edgeAttributesSchema.safeParse(raw) : null;
    if (attrs && !attrs.success) zodProblems(attrs.error, `${path}/attributes`, problems, undefined, keyOf());
    if (hasUnknownKey(raw, KNOWN_EDGE_KEYS)) {
      const key = keyOf();
      for (const k of Object.keys(raw)) {
        if (RESERVED_DRAWING_KEYS.has(k))
          add({
            code: "E_SCHEMA",
            path: `${path}/attributes/${k}`,
            message: `edge "${key}" sets "${k}", which the viewer reserves for drawing`,
            edgeId: key,
          });
      }
      warnUnknown(raw, KNOWN_EDGE_KEYS, `${path}/attributes`, problems, undefined, key);
    }
    if (source === target) {
      return void add({
        severity: "warning",
        code: "W_SELF_LOOP",
        path,
        message: `edge ${i} ("${keyOf()}") is a self-loop on "${source}"; it is ignored`,
        edgeId: keyOf(),
      });
    }
    if (exact) {
      const key = keyOf();
      const previousKey = edgeKeys.get(key);
      if (previousKey !== undefined) {
        return void add({
          code: "E_DUPLICATE_EDGE",
          path: `${path}/key`,
          message: `edge key "${key}" is used twice (edges ${previousKey} and ${i})`,
          edgeId: key,
        });
      }
      edgeKeys.set(key, i);
      const pair = si !== undefined && ti !== undefined ? si * nodeCount + ti : `${source}\u0000${target}`;
      const previousPair = pairs.get(pair);
      if (previousPair !== undefined) {
        return void add({
          code: "E_DUPLICATE_EDGE",
          path,
          message: `edges ${previousPair} and ${i} both go ${source} -> ${target}`,
          hint: "merge them into one edge (sum their volume and capacity)",
          edgeId: key,
        });
      }
      pairs.set(pair, i);
    } else codes[codeCount++] = si! * nodeCount + ti!;
    const data = fast ?? (attrs?.success ? attrs.data : null);
    if (data)
      edgeList.push({
        key: explicitKey,
        source,
        target,
        si: si ?? -1,
        ti: ti ?? -1,
        attributes: data as EdgeAttributes,
        index: i,
      });
  };
  const problemsBeforeEdges = problems.length;
  edges.forEach(checkEdge);
  if (!exact) {
    const sorted = codes.subarray(0, codeCount).sort();
    for (let k = 1; k < sorted.length && !redo; k++) if (sorted[k] === sorted[k - 1]) redo = true;
    codes = new Float64Array(0);
    if (redo) {
      problems.length = problemsBeforeEdges;
      edgeList.length = 0;
      exact = true;
      redo = false;
      edgeKeys = new Map();
      pairs = new Map();
      edges.forEach(checkEdge);
    }
  }
  if (opts.adoptInput) {
    // What the graph needs is in nodeAttrs and edgeList now; let the entry objects go before building it.
    for (const list of [nodes, edges, (data as Raw).nodes, (data as Raw).edges])
      if (Array.isArray(list)) list.length = 0;
  }

  checkFlowRules(nodeAttrs, nodeIndex, nodeAt, edgeList, problems);
  if (problems.some((p) => p.severity === "error")) return { parts: null, problems };
  return {
    parts: { attributes: graphParsed.data as GraphAttributes, nodes: nodeAttrs, edges: edgeList },
    problems,
  };
}
