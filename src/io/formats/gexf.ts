/**
 * GEXF (Gephi, Gephi Lite, networkx `write_gexf`), read and written with graphology-gexf. Reading: the text
 * passes the DTD guard and xmldom (errors collected, never printed), the document is checked element by
 * element (`_xml-scan.ts`), drawing data (`viz:*`) is removed, and only then does graphology-gexf build the
 * graph, into a multi graph so that nothing is merged or reshaped behind our back. The result goes through the
 * same validation as our JSON, with problem paths naming elements (`/gexf/graph/nodes/node[3][@id="x"]`).
 *
 * Graph attributes travel as `<meta>` children (`<stages>mine;refinery;...</stages>`), lists and recipes as
 * text in the shared encodings, so a file we write reads back to the same graph.
 */
import { parse as parseGexf, write as writeGexfText } from "graphology-gexf";
import { MultiDirectedGraph } from "graphology";
import type { GraphCheckResult } from "../../model/graph-checks.js";
import type { Problem, SupplyGraph } from "../../model/types.js";
import type { LoadGraphOptions } from "../load-graph.js";
import { encodeValue, type Scalar, type WriteNotes } from "./_encode.js";
import { finishImport, type ImportedGraph, type ImportOptions } from "./_import.js";
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

type Raw = Record<string, unknown>;

/** File metadata that graphology-gexf reads into graph attributes; it describes the file, not the supply chain. */
const FILE_META = new Set(["creator", "lastModifiedDate"]);

/** Check GEXF text and build the graph when it is valid; never throws on bad data. */
export function checkGexfText(text: string, options: ImportOptions = {}): GraphCheckResult {
  const parsed = parseXmlDocument(text, "gexf");
  if ("problems" in parsed) return { graph: null, problems: parsed.problems };
  const doc = parsed.doc;
  const { root, graphElement, nodes, edges, nodePath, edgePath } = graphElements(
    doc,
    "/gexf/graph/nodes/",
    "/gexf/graph/edges/",
  );
  const problems: Problem[] = scanXmlStructure(root, "gexf");
  if (problems.some((p) => p.severity === "error")) return { graph: null, problems };

  // Drawing data (viz:color, viz:position, viz:size, ...) is Gephi's layout, not supply-chain data.
  const viz = elementList(root.getElementsByTagName("*")).filter(
    (e) => e.prefix === "viz" || /\/viz$/.test(e.namespaceURI ?? ""),
  );
  const dropped = removeAll(viz);

  // Declared attributes: graphology names a column by its id unless the id is a number, then by its title.
  const models = {
    node: new Map<string, { name: string; type: string }>(),
    edge: new Map<string, { name: string; type: string }>(),
  };
  for (const block of elementList(graphElement.getElementsByTagName("attributes"))) {
    const cls = block.getAttribute("class");
    if (cls !== "node" && cls !== "edge") continue;
    for (const a of elementList(block.getElementsByTagName("attribute"))) {
      const id = a.getAttribute("id") ?? a.getAttribute("for") ?? "";
      const title = a.getAttribute("title");
      const name = Number.isNaN(Number(id)) ? id : (title ?? id);
      const path = `/gexf/graph/attributes[@class="${cls}"]/${step("attribute", models[cls].size, { id, title })}`;
      scanAttributeName(name, path, problems);
      scanAttributeName(title, path, problems);
      models[cls].set(id, { name, type: a.getAttribute("type") ?? "string" });
    }
  }
  const scanValues = (owner: "node" | "edge", element: XmlElement, path: string) => {
    for (const v of elementList(element.getElementsByTagName("attvalue"))) {
      const id = v.getAttribute("for") ?? v.getAttribute("id") ?? "";
      const model = models[owner].get(id);
      scanAttributeName(model?.name ?? id, `${path}/attvalue[${id}]`, problems);
      scanNumber(
        model?.type ?? null,
        v.getAttribute("value"),
        `${path}/attvalue[${model?.name ?? id}]`,
        model?.name ?? id,
        problems,
      );
    }
  };
  const nodeIds = scanNodes(nodes, nodePath, problems);
  nodes.forEach((n, i) => scanValues("node", n, nodePath(i)));
  const defaultType = graphElement.getAttribute("defaultedgetype") ?? "undirected";
  scanEdges(
    edges,
    nodeIds,
    (e) => (e.getAttribute("type") ?? defaultType) === "directed",
    edgePath,
    problems,
  );
  edges.forEach((e, i) => {
    scanValues("edge", e, edgePath(i));
    // Gephi writes weight="1.0" on every edge: the GEXF default, not a quantity.
    const w = e.getAttribute("weight");
    if (w !== null && Number(w) === 1) e.removeAttribute("weight");
  });
  if (problems.some((p) => p.severity === "error")) return { graph: null, problems };

  let graph: MultiDirectedGraph;
  try {
    graph = parseGexf(MultiDirectedGraph, doc as unknown as Document, {
      allowUndeclaredAttributes: true,
      respectInputGraphType: true,
    }) as MultiDirectedGraph;
  } catch (e) {
    return {
      graph: null,
      problems: [
        {
          severity: "error",
          code: "E_PARSE",
          path: "/gexf",
          message: `cannot read the GEXF graph: ${(e as Error).message}`,
        },
      ],
    };
  }
  const attributes: Raw = {};
  for (const [k, v] of Object.entries(graph.getAttributes())) if (!FILE_META.has(k)) attributes[k] = v;
  const imported: ImportedGraph = {
    attributes,
    nodes: graph.mapNodes((key, attrs) => ({ key, attributes: attrs as Raw })),
    edges: importedEdges(graph, edges),
  };
  const result = finishImport(
    imported,
    {
      graph: (a) => (a ? `/gexf/meta/${a}` : "/gexf/meta"),
      node: (i, a) =>
        `${nodePath(i)}${a === undefined ? "" : a === "label" || a === "key" ? `/@${a === "key" ? "id" : a}` : `/attvalue[${a}]`}`,
      edge: (i, a) =>
        `${edgePath(i)}${a === undefined ? "" : a === "source" || a === "target" || a === "key" ? `/@${a === "key" ? "id" : a}` : `/attvalue[${a}]`}`,
    },
    options,
  );
  if (dropped > 0)
    result.problems.unshift({
      severity: "warning",
      code: "W_DRAWING_DROPPED",
      path: "",
      message: `${dropped} drawing element${dropped > 1 ? "s" : ""} (viz:position, viz:color, viz:size, ...) dropped: the viewer lays the graph out itself`,
    });
  return { graph: result.graph, problems: [...problems, ...result.problems] };
}

/** Read and check a GEXF file; never throws on bad data. */
export function checkGexfFile(path: string, options: LoadGraphOptions = {}): GraphCheckResult {
  const read = readTextFile(path, options);
  if ("problem" in read) return { graph: null, problems: [read.problem] };
  return checkGexfText(read.text, options);
}

/**
 * The graph as GEXF 1.3 text: typed `<attributes>` declarations (numbers as double/integer), labels as
 * `label`, graph attributes as `<meta>` children. Control characters are removed (counted in `notes`).
 * @throws UnwritableValueError (E_VALUE) for a non-finite number.
 */
export function writeGexf(graph: SupplyGraph, notes: WriteNotes = { removedCharacters: 0 }): string {
  const clean = xmlTextCleaner();
  const scalar = (v: Scalar | undefined) => (typeof v === "string" ? clean(v) : v);
  const copy = graph.nullCopy();
  const meta: Raw = {};
  for (const [k, v] of Object.entries(graph.getAttributes())) {
    const e = scalar(encodeValue("graph", k, v, "the graph"));
    if (e !== undefined) meta[k] = e;
  }
  copy.replaceAttributes(meta as never);
  graph.forEachNode((key, attrs) => {
    copy.addNode(clean(key), attrs);
  });
  graph.forEachEdge((key, attrs, source, target) => {
    copy.addDirectedEdgeWithKey(clean(key), clean(source), clean(target), attrs);
  });
  const format = (owner: "node" | "edge") => (key: string, attrs: Raw) => {
    const attributes: Raw = {};
    let label: string | undefined;
    for (const [k, v] of Object.entries(attrs)) {
      const e = scalar(encodeValue(owner, k, v, `${owner} "${key}"`));
      if (e === undefined) continue;
      if (k === "label" && typeof e === "string") label = e;
      else attributes[k] = e;
    }
    return { ...(label !== undefined ? { label } : {}), attributes };
  };
  const text = writeGexfText(copy, {
    // GEXF 1.2 (graphology-gexf's default): Gephi, Gephi Lite and networkx 2.x and 3.x all read it; networkx 2.x
    // (Debian 12's) cannot read 1.3.
    version: "1.2",
    formatNode: format("node"),
    formatEdge: format("edge"),
  });
  notes.removedCharacters += clean.removed;
  return protectLineSeparators(text);
}
