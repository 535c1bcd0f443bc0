/**
 * GraphML (Cytoscape, yEd, networkx `write_graphml`). Reading uses graphology-graphml behind the same guard and
 * element checks as GEXF (`_xml-guard.ts`, `_xml-scan.ts`); yEd's drawing data (`yfiles.type` keys) and
 * Gephi's colour/position columns are dropped with a warning. graphology-graphml has no writer, so the writer
 * here builds the document with xmlbuilder2: one typed `<key>` per attribute (`double`, `int`, `long`,
 * `boolean`, `string`), graph attributes as `<data>` on `<graph>`, lists and recipes in the shared encodings.
 */
import { MultiDirectedGraph } from "graphology";
import { parse as parseGraphml } from "graphology-graphml";
import { create } from "xmlbuilder2";
import type { GraphCheckResult } from "../../model/graph-checks.js";
import type { Problem, SupplyGraph } from "../../model/types.js";
import type { LoadGraphOptions } from "../load-graph.js";
import type { Owner } from "./_attributes.js";
import { columnType, encodeValue, type Scalar } from "./_encode.js";
import { finishImport, type ImportOptions } from "./_import.js";
import { readTextFile } from "./_read.js";
import { parseXmlDocument } from "./_xml-guard.js";
import {
  importedEdges,
  removeAll,
  scanAttributeName,
  scanEdges,
  scanNodes,
  scanNumber,
  step,
  type XmlElement,
  elementList,
  graphElements,
} from "./_xml-scan.js";
import { scanXmlStructure } from "./_xml-structure.js";
import { protectLineSeparators, xmlTextCleaner } from "./_xml-text.js";
import type { WriteNotes } from "./_encode.js";

type Raw = Record<string, unknown>;

const GRAPHML_NS = "http://graphml.graphdrawing.org/xmlns";

/** Check GraphML text and build the graph when it is valid; never throws on bad data. */
export function checkGraphmlText(text: string, options: ImportOptions = {}): GraphCheckResult {
  const parsed = parseXmlDocument(text, "graphml");
  if ("problems" in parsed) return { graph: null, problems: parsed.problems };
  const doc = parsed.doc;
  const { root, graphElement, nodes, edges, nodePath, edgePath } = graphElements(
    doc,
    "/graphml/graph/",
    "/graphml/graph/",
  );
  const problems: Problem[] = scanXmlStructure(root, "graphml");
  if (problems.some((p) => p.severity === "error")) return { graph: null, problems };

  const keys = new Map<string, { name: string; type: string | null }>();
  const drawingKeys = new Set<string>();
  elementList(root.getElementsByTagName("key")).forEach((k, i) => {
    const id = k.getAttribute("id") ?? "";
    // yEd stores shapes and positions in keys typed `yfiles.type`, without attr.name: drawing data, not ours.
    if (k.hasAttribute("yfiles.type")) {
      drawingKeys.add(id);
      return;
    }
    const path = `/graphml/${step("key", i, { id })}`;
    if (!k.hasAttribute("attr.name"))
      (k as unknown as { setAttribute(n: string, v: string): void }).setAttribute("attr.name", id);
    const name = k.getAttribute("attr.name")!;
    scanAttributeName(name, path, problems);
    keys.set(id, { name, type: k.getAttribute("attr.type") });
  });
  const drawing = elementList(root.getElementsByTagName("data")).filter((d) =>
    drawingKeys.has(d.getAttribute("key") ?? ""),
  );
  const droppedGraphics = removeAll(drawing);
  const scanData = (element: XmlElement, path: string) => {
    for (const d of elementList(element.getElementsByTagName("data"))) {
      const id = d.getAttribute("key") ?? "";
      const key = keys.get(id);
      scanAttributeName(key?.name ?? id, `${path}/data[${id}]`, problems);
      scanNumber(
        key?.type ?? null,
        d.textContent,
        `${path}/data[${key?.name ?? id}]`,
        key?.name ?? id,
        problems,
      );
    }
  };
  const nodeIds = scanNodes(nodes, nodePath, problems);
  nodes.forEach((n, i) => scanData(n, nodePath(i)));
  const edgeDefault = graphElement.getAttribute("edgedefault") ?? "undirected";
  scanEdges(
    edges,
    nodeIds,
    (e) => (e.getAttribute("directed") ?? String(edgeDefault === "directed")) === "true",
    edgePath,
    problems,
  );
  edges.forEach((e, i) => scanData(e, edgePath(i)));
  if (problems.some((p) => p.severity === "error")) return { graph: null, problems };
  // Every edge is directed (checked above); say so on <graph> so graphology builds a directed graph.
  (graphElement as unknown as { setAttribute(n: string, v: string): void }).setAttribute(
    "edgedefault",
    "directed",
  );
  moveGraphDataFirst(graphElement);

  let graph: MultiDirectedGraph;
  try {
    graph = parseGraphml(MultiDirectedGraph, doc as unknown as Document) as MultiDirectedGraph;
  } catch (e) {
    return {
      graph: null,
      problems: [
        {
          severity: "error",
          code: "E_PARSE",
          path: "/graphml",
          message: `cannot read the GraphML graph: ${(e as Error).message}`,
        },
      ],
    };
  }
  const attributes: Raw = { ...graph.getAttributes() };
  delete attributes.id; // the <graph id="G"> of the file, not a property of the supply chain
  const where = (a: string | undefined, xmlAttrs: ReadonlySet<string>) =>
    a === undefined ? "" : xmlAttrs.has(a) ? `/@${a === "key" ? "id" : a}` : `/data[${a}]`;
  const result = finishImport(
    {
      attributes,
      nodes: graph.mapNodes((key, attrs) => ({ key, attributes: attrs as Raw })),
      edges: importedEdges(graph, edges),
    },
    {
      graph: (a) => `/graphml/graph${a === undefined ? "" : `/data[${a}]`}`,
      node: (i, a) => `${nodePath(i)}${where(a, new Set(["key"]))}`,
      edge: (i, a) => `${edgePath(i)}${where(a, new Set(["key", "source", "target"]))}`,
    },
    { dropDrawing: true, ...options },
  );
  if (droppedGraphics > 0)
    result.problems.unshift({
      severity: "warning",
      code: "W_DRAWING_DROPPED",
      path: "",
      message: `${droppedGraphics} yEd graphics element${droppedGraphics > 1 ? "s" : ""} dropped: the viewer lays the graph out itself`,
    });
  return { graph: result.graph, problems: [...problems, ...result.problems] };
}

/**
 * networkx writes the graph's `<data>` AFTER the nodes and edges, where graphology-graphml (which reads only the
 * leading `<data>` children of `<graph>`) would miss them: move them to the front.
 */
function moveGraphDataFirst(graphElement: XmlElement): void {
  const g = graphElement as unknown as {
    childNodes: ArrayLike<{ nodeType: number; localName: string | null }>;
    firstChild: unknown;
    insertBefore(node: unknown, before: unknown): void;
  };
  const data = Array.from(g.childNodes).filter((c) => c.nodeType === 1 && c.localName === "data");
  for (const d of data.reverse()) g.insertBefore(d, g.firstChild);
}

/** Read and check a GraphML file; never throws on bad data. */
export function checkGraphmlFile(path: string, options: LoadGraphOptions = {}): GraphCheckResult {
  const read = readTextFile(path, options);
  if ("problem" in read) return { graph: null, problems: [read.problem] };
  return checkGraphmlText(read.text, options);
}

const GRAPHML_TYPE = { string: "string", double: "double", boolean: "boolean", integer: "long" } as const;

/**
 * The graph as GraphML text, with a typed `<key>` for every attribute in use (numbers of the format are
 * `double`, `since`/`year` `int`). Control characters are removed (counted in `notes`).
 * @throws UnwritableValueError (E_VALUE) for a non-finite number.
 */
export function writeGraphml(graph: SupplyGraph, notes: WriteNotes = { removedCharacters: 0 }): string {
  const clean = xmlTextCleaner();
  const encoded = (owner: Owner, attrs: Raw, where: string): Array<[string, Scalar]> =>
    Object.entries(attrs).flatMap(([k, v]) => {
      const e = encodeValue(owner, k, v, where);
      return e === undefined ? [] : [[k, typeof e === "string" ? clean(e) : e] as [string, Scalar]];
    });
  const graphData = encoded("graph", graph.getAttributes(), "the graph");
  const nodeData = graph.mapNodes((key, attrs) => ({ key, data: encoded("node", attrs, `node "${key}"`) }));
  const edgeData = graph.mapEdges((key, attrs, source, target) => ({
    key,
    source,
    target,
    data: encoded("edge", attrs, `edge "${key}"`),
  }));

  // One key per (owner, attribute), in order of first use; its type from every value it takes.
  const keyIds = {
    graph: new Map<string, string>(),
    node: new Map<string, string>(),
    edge: new Map<string, string>(),
  };
  const values = new Map<string, Scalar[]>();
  const collect = (owner: Owner, data: Array<[string, Scalar]>) => {
    for (const [k, v] of data) {
      const ids = keyIds[owner];
      if (!ids.has(k)) ids.set(k, `${owner[0]}${ids.size}`);
      const id = ids.get(k)!;
      const list = values.get(id) ?? [];
      list.push(v);
      values.set(id, list);
    }
  };
  collect("graph", graphData);
  for (const n of nodeData) collect("node", n.data);
  for (const e of edgeData) collect("edge", e.data);

  const root = create({ version: "1.0", encoding: "UTF-8" }).ele(GRAPHML_NS, "graphml", {
    "xmlns:xsi": "http://www.w3.org/2001/XMLSchema-instance",
    "xsi:schemaLocation": `${GRAPHML_NS} http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd`,
  });
  for (const owner of ["graph", "node", "edge"] as const) {
    for (const [name, id] of keyIds[owner]) {
      const type = columnType(owner, name, values.get(id) ?? []);
      const declared =
        type === "integer" && (name === "since" || name === "year") ? "int" : GRAPHML_TYPE[type];
      root.ele("key", { id, for: owner, "attr.name": clean(name), "attr.type": declared }).up();
    }
  }
  const g = root.ele("graph", { id: "G", edgedefault: "directed" });
  const data = (parent: ReturnType<typeof root.ele>, owner: Owner, list: Array<[string, Scalar]>) => {
    for (const [k, v] of list)
      parent
        .ele("data", { key: keyIds[owner].get(k)! })
        .txt(String(v))
        .up();
  };
  data(g, "graph", graphData);
  for (const n of nodeData) data(g.ele("node", { id: clean(n.key) }), "node", n.data);
  for (const e of edgeData)
    data(
      g.ele("edge", { id: clean(e.key), source: clean(e.source), target: clean(e.target) }),
      "edge",
      e.data,
    );
  const text = root.end({ prettyPrint: true });
  notes.removedCharacters += clean.removed;
  return `${protectLineSeparators(text)}\n`;
}
