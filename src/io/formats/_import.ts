/**
 * The last step of every import: rows read from CSV, GEXF or GraphML become our graph-file object, and that
 * object goes through `checkSerializedGraph`, the very validation `loadGraph` applies to JSON. Problems come
 * back with a path into the ORIGINAL file (line and column for CSV, the element for XML) instead of a JSON
 * pointer into an object the user never saw.
 */
import { EdgeColumnSink } from "../../model/_edge-columns.js";
import { NeedsExactPass, StreamedGraphCheck } from "../../model/_stream-check.js";
import {
  checkSerializedGraph,
  type GraphCheckOptions,
  type GraphCheckResult,
  type GraphRun,
} from "../../model/graph-checks.js";
import type { NodeAttributes, Problem } from "../../model/types.js";
import type { GraphColumnsCheckResult } from "../_stream-graph.js";
import {
  canonicalName,
  DRAWING_KEYS,
  decodeList,
  decodeRecipe,
  inferStages,
  JSON_KEYS,
  LIST_KEYS,
  NUMERIC_KEYS,
  type Owner,
  parseStrictNumber,
} from "./_attributes.js";

type Raw = Record<string, unknown>;

/** A graph as a format reader found it: values may still be text. */
export interface ImportedGraph {
  attributes: Raw;
  nodes: Array<{ key: string; attributes: Raw }>;
  edges: Array<{ key?: string; source: string; target: string; attributes: Raw }>;
}

/** Where things are in the original file, for problem paths. `attribute` is our (canonical) name. */
export interface SourceLocator {
  graph(attribute?: string): string;
  node(index: number, attribute?: string): string;
  edge(index: number, attribute?: string): string;
}

/** How the foreign file is read. */
export interface ImportOptions extends GraphCheckOptions {
  /** Drop drawing attributes (GEXF viz, GraphML colours) with a warning instead of refusing them. */
  dropDrawing?: boolean;
}

const DANGEROUS = new Set(["__proto__", "constructor", "prototype"]);

function setOwn(target: Raw, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/**
 * Normalise the attributes of one object: canonical names, text → numbers/lists/recipes where the FORMAT says
 * so (a non-number in a numeric attribute is an error, never coerced), drawing data dropped on request.
 */
function normalise(
  owner: Owner,
  raw: Raw,
  at: (attribute?: string) => string,
  options: ImportOptions,
  notes: Notes,
  problems: Problem[],
  who: () => Partial<Pick<Problem, "nodeId" | "edgeId">>,
): Raw {
  const out: Raw = {};
  for (const [name, value] of Object.entries(raw)) {
    if (DANGEROUS.has(name)) {
      problems.push({
        severity: "error",
        code: "E_RESERVED_KEY",
        path: at(name),
        message: `the attribute name "${name}" is not allowed`,
        hint: "rename the attribute",
        ...who(),
      });
      continue;
    }
    if (value === undefined || value === null || value === "") continue;
    if (options.dropDrawing && owner !== "graph" && DRAWING_KEYS.has(name)) {
      notes.dropped.add(name);
      continue;
    }
    let key = canonicalName(owner, name);
    if (key !== name && (Object.hasOwn(raw, key) || Object.hasOwn(out, key))) key = name;
    // Case-only differences (graphology lower-cases GEXF <meta> tags) are not worth a warning.
    if (key !== name && key.toLowerCase() !== name.toLowerCase()) notes.renamed.set(name, key);
    const v = typed(owner, key, value, () => at(key), problems, who);
    // a plain store unless the key could reach the prototype (defineProperty per attribute cost seconds at 10^6)
    if (DANGEROUS.has(key)) setOwn(out, key, v);
    else out[key] = v;
  }
  return out;
}

function typed(
  owner: Owner,
  key: string,
  value: unknown,
  path: () => string,
  problems: Problem[],
  who: () => Partial<Pick<Problem, "nodeId" | "edgeId">>,
): unknown {
  const bad = (code: string, message: string, hint?: string) => {
    problems.push({ severity: "error", code, path: path(), message, ...(hint ? { hint } : {}), ...who() });
    return undefined;
  };
  // only on a problem: building the name for every value cost a string per attribute
  const label = () => {
    const w = who();
    return w.nodeId ? `node "${w.nodeId}"` : w.edgeId ? `edge "${w.edgeId}"` : "the graph";
  };
  if (NUMERIC_KEYS[owner].has(key)) {
    const n =
      typeof value === "number" ? value : typeof value === "string" ? parseStrictNumber(value) : Number.NaN;
    if (Number.isNaN(n) || !Number.isFinite(n)) {
      return bad(
        "E_TYPE",
        `${label()}: "${key}" must be a number, got ${JSON.stringify(value)}`,
        typeof value === "string" && /\d[, ]\d/.test(value)
          ? "write numbers without thousands separators and with a decimal point (1000.5)"
          : "write a plain number such as 1200 or 0.35",
      );
    }
    return n; // `since` and `year` must also be whole: the schema reports that
  }
  if (LIST_KEYS[owner].has(key) && typeof value === "string") return decodeList(value);
  if (JSON_KEYS[owner].has(key) && typeof value === "string") {
    try {
      return JSON.parse(value);
    } catch {
      return bad(
        "E_RANGE_SHAPE",
        `${label}: "${key}" must be a JSON object, got ${JSON.stringify(value.slice(0, 80))}`,
        'e.g. {"capacity": {"low": 70, "high": 130}}',
      );
    }
  }
  if (owner === "node" && key === "recipe" && typeof value === "string") {
    const r = decodeRecipe(value);
    if ("error" in r)
      return bad("E_VALUE", `${label()}: ${r.error}`, "write the recipe as material:amount;material:amount");
    return r.recipe;
  }
  return value;
}

interface Notes {
  dropped: Set<string>;
  renamed: Map<string, string>;
  labelFromId: number;
}

/** Rewrite a checker path (`/nodes/3/attributes/capacity/...`) into the original file's terms. */
export function relocate(path: string, locate: SourceLocator): string {
  const m = /^\/(nodes|edges)\/(\d+)(?:\/attributes\/([^/]+))?(?:\/(key|source|target|undirected))?/.exec(
    path,
  );
  if (m) {
    const index = Number(m[2]);
    const attribute = m[3] ?? m[4];
    return m[1] === "nodes" ? locate.node(index, attribute) : locate.edge(index, attribute);
  }
  const g = /^\/attributes(?:\/([^/]+))?/.exec(path);
  if (g) return locate.graph(g[1]);
  return path;
}

/**
 * Turn an imported graph into a checked `SupplyGraph`, with every problem located in the original file.
 * Never throws on bad data.
 */
export function finishImport(
  imported: ImportedGraph,
  locate: SourceLocator,
  options: ImportOptions = {},
): GraphCheckResult {
  const { data, problems } = prepareImport(imported, locate, options);
  if (data === null) return { graph: null, problems };
  const checked = checkSerializedGraph(data, options);
  for (const p of checked.problems) problems.push({ ...p, path: relocate(p.path, locate) });
  return { graph: checked.graph, problems };
}

/**
 * `finishImport` into the columns of the integer view, without a graphology graph (large tables: Parquet).
 * The checks are the same (`checkWholeGraph`, as for a large JSON file). Never throws on bad data.
 */
export function finishImportColumns(
  imported: ImportedGraph,
  locate: SourceLocator,
  options: ImportOptions = {},
): GraphColumnsCheckResult {
  const { data, problems } = prepareImport(imported, locate, options);
  if (data === null) return { columns: null, problems };
  let run: GraphRun<EdgeColumnSink>;
  try {
    run = streamedCheck(data, options, false);
  } catch (e) {
    if (!(e instanceof NeedsExactPass)) throw e;
    run = streamedCheck(data, options, true);
  }
  for (const p of run.problems) problems.push({ ...p, path: relocate(p.path, locate) });
  if (!run.ok) return { columns: null, problems };
  return {
    columns: {
      attributes: run.attributes,
      ids: run.nodes.idAt,
      nodeAttributes: run.nodes.nodeAt as NodeAttributes[],
      positions: run.nodes.index,
      ...run.sink.columns(),
    },
    problems,
  };
}

/** Rows handed to the streamed check per batch (young-generation sized, as a large JSON file's batches). */
const CHECK_BATCH = 4096;

/**
 * The checks of `checkWholeGraph` fed member by member and in batches (`StreamedGraphCheck`, as for a large
 * JSON file): the same problems, without running the file schema over every node and edge object at once.
 * `exact` = the redo after a possible duplicate edge (`NeedsExactPass`).
 */
function streamedCheck(data: Raw, options: ImportOptions, exact: boolean): GraphRun<EdgeColumnSink> {
  const check = new StreamedGraphCheck({ ...options, adoptInput: true }, () => new EdgeColumnSink(), exact);
  for (const name of Object.keys(data)) {
    const value = data[name];
    if (!check.begin(name, Array.isArray(value))) {
      check.end(name, value);
      continue;
    }
    const list = value as unknown[];
    for (let i = 0; i < list.length; i += CHECK_BATCH) check.items(name, list.slice(i, i + CHECK_BATCH), i);
    check.end(name, undefined);
  }
  return check.finish();
}

/** The graph-file object of an import (null when normalising found errors), and the problems so far. */
function prepareImport(
  imported: ImportedGraph,
  locate: SourceLocator,
  options: ImportOptions,
): { data: Raw | null; problems: Problem[] } {
  const problems: Problem[] = [];
  const notes: Notes = { dropped: new Set(), renamed: new Map(), labelFromId: 0 };
  const attributes = normalise(
    "graph",
    imported.attributes,
    (a) => locate.graph(a),
    options,
    notes,
    problems,
    () => ({}),
  );
  // In place: each raw row becomes garbage as soon as it is normalised (10^6-node tables: peak memory).
  const nodes = imported.nodes;
  for (let i = 0; i < nodes.length; i++) {
    const n = nodes[i]!;
    const attrs = normalise(
      "node",
      n.attributes,
      (a) => locate.node(i, a),
      options,
      notes,
      problems,
      () => ({
        nodeId: n.key,
      }),
    );
    if (attrs.label === undefined && n.key !== "") {
      attrs.label = n.key;
      notes.labelFromId++;
    }
    nodes[i] = { key: n.key, attributes: attrs };
  }
  const edges = imported.edges;
  for (let i = 0; i < edges.length; i++) {
    const e = edges[i]!;
    // Tool-made edge ids ("0", "1", ... from networkx and Gephi) carry no meaning; ours are `source->target`.
    const generated = e.key !== undefined && /^\d+$/.test(e.key);
    const key = generated ? undefined : e.key;
    const attrs = normalise(
      "edge",
      e.attributes,
      (a) => locate.edge(i, a),
      options,
      notes,
      problems,
      () => ({
        edgeId: key ?? `${e.source}->${e.target}`,
      }),
    );
    edges[i] =
      key !== undefined
        ? { key, source: e.source, target: e.target, attributes: attrs }
        : { source: e.source, target: e.target, attributes: attrs };
  }
  if (attributes.stages === undefined) {
    const stages = inferStages(nodes.map((n) => n.attributes.stage));
    if (stages.length > 0) {
      attributes.stages = stages;
      problems.push({
        severity: "warning",
        code: "W_STAGES_INFERRED",
        path: locate.graph("stages"),
        message: `the file declares no stages; using the nodes' stages in this order: ${stages.join(", ")}`,
        hint: "declare `stages` as a graph attribute to set the order",
      });
    }
  }
  if (notes.dropped.size > 0) {
    problems.push({
      severity: "warning",
      code: "W_DRAWING_DROPPED",
      path: "",
      message: `drawing attributes (${[...notes.dropped].sort().join(", ")}) were dropped: positions, colours and sizes are derived by the viewer`,
    });
  }
  for (const [from, to] of [...notes.renamed].sort()) {
    problems.push({
      severity: "warning",
      code: "W_RENAMED_ATTRIBUTE",
      path: "",
      message: `attribute "${from}" read as "${to}"`,
    });
  }
  if (notes.labelFromId > 0) {
    problems.push({
      severity: "warning",
      code: "W_LABEL_FROM_ID",
      path: "",
      message: `${notes.labelFromId} node${notes.labelFromId > 1 ? "s have" : " has"} no label; the id is used`,
    });
  }
  if (problems.some((p) => p.severity === "error")) return { data: null, problems };
  return {
    data: { attributes, options: { type: "directed", multi: false, allowSelfLoops: false }, nodes, edges },
    problems,
  };
}
