/**
 * Checks on the parsed XML document BEFORE graphology's GEXF/GraphML parsers build a graph from it. Those
 * parsers reshape silently (duplicate edges turn the graph multi, mismatched edge types turn it mixed, a node
 * without an id becomes key "") and crash unhelpfully on ids such as `constructor` (library-pitfalls.md), so
 * everything that would reach them is checked here, each problem naming the element.
 */
import type { MultiDirectedGraph } from "graphology";
import { isReservedId } from "../../model/_reserved.js";
import type { Problem } from "../../model/types.js";
import type { XmlDocument } from "./_xml-guard.js";
import { parseStrictNumber } from "./_attributes.js";

/** The DOM element interface used here (xmldom's and the browser's agree on it). */
export interface XmlElement {
  getAttribute(name: string): string | null;
  hasAttribute(name: string): boolean;
  removeAttribute(name: string): void;
  getElementsByTagName(name: string): ArrayLike<XmlElement>;
  readonly parentNode: { removeChild(child: unknown): unknown } | null;
  readonly localName: string | null;
  readonly prefix: string | null;
  readonly namespaceURI: string | null;
  readonly textContent: string | null;
}

/** `node[3][@id="mine-a"]`: an element step that a reader can find by position or by searching for the id. */
export function step(name: string, index: number, attrs: Record<string, string | null>): string {
  const keys = Object.entries(attrs)
    .filter(([, v]) => v !== null)
    .map(([k, v]) => `[@${k}=${JSON.stringify(v)}]`)
    .join("");
  return `${name}[${index + 1}]${keys}`;
}

const DANGEROUS = new Set(["__proto__", "constructor", "prototype"]);

function err(code: string, path: string, message: string, extra: Partial<Problem> = {}): Problem {
  return { severity: "error", code, path, message, ...extra };
}

/** Ids of nodes: present, not reserved, not repeated. Returns the set of valid ids. */
export function scanNodes(
  nodes: ArrayLike<XmlElement>,
  pathOf: (i: number) => string,
  problems: Problem[],
): Set<string> {
  const seen = new Map<string, number>();
  for (let i = 0; i < nodes.length; i++) {
    const id = nodes[i]!.getAttribute("id");
    const path = `${pathOf(i)}/@id`;
    if (id === null || id === "") {
      problems.push(
        err("E_SCHEMA", path, `node element ${i + 1} has no id`, { hint: "give every node an id" }),
      );
    } else if (isReservedId(id)) {
      problems.push(
        err("E_RESERVED_ID", path, `node id "${id}" is reserved (it names a JavaScript object member)`, {
          nodeId: id,
          hint: "rename the node, e.g. with a prefix",
        }),
      );
    } else if (seen.has(id)) {
      problems.push(
        err(
          "E_DUPLICATE_NODE",
          path,
          `node "${id}" is defined twice (node elements ${seen.get(id)! + 1} and ${i + 1})`,
          {
            nodeId: id,
          },
        ),
      );
    } else seen.set(id, i);
  }
  return new Set(seen.keys());
}

/**
 * Edges: endpoints that exist, one id per edge, and every edge directed (a supply chain is directed). `directed`
 * tells whether edge i is directed (from its own attribute or the file's default).
 */
export function scanEdges(
  edges: ArrayLike<XmlElement>,
  nodeIds: ReadonlySet<string>,
  directed: (edge: XmlElement) => boolean,
  pathOf: (i: number) => string,
  problems: Problem[],
): void {
  const ids = new Map<string, number>();
  const undirected: number[] = [];
  for (let i = 0; i < edges.length; i++) {
    const edge = edges[i]!;
    const path = pathOf(i);
    for (const end of ["source", "target"] as const) {
      const v = edge.getAttribute(end);
      if (v === null || v === "")
        problems.push(err("E_SCHEMA", `${path}/@${end}`, `edge element ${i + 1} has no ${end}`));
      else if (isReservedId(v))
        problems.push(
          err("E_RESERVED_ID", `${path}/@${end}`, `edge ${end} "${v}" is a reserved id`, { nodeId: v }),
        );
      else if (!nodeIds.has(v))
        problems.push(
          err(
            "E_DANGLING_EDGE",
            `${path}/@${end}`,
            `edge element ${i + 1} points to node "${v}", which does not exist`,
            {
              hint: "nodes are never created implicitly",
            },
          ),
        );
    }
    const id = edge.getAttribute("id");
    if (id !== null && id !== "") {
      if (isReservedId(id))
        problems.push(err("E_RESERVED_ID", `${path}/@id`, `edge id "${id}" is reserved`, { edgeId: id }));
      const previous = ids.get(id);
      if (previous !== undefined)
        problems.push(
          err(
            "E_DUPLICATE_EDGE",
            `${path}/@id`,
            `edge id "${id}" is used twice (edge elements ${previous + 1} and ${i + 1})`,
            {
              edgeId: id,
            },
          ),
        );
      else ids.set(id, i);
    }
    if (!directed(edge)) undirected.push(i);
  }
  if (undirected.length > 0) {
    const all = undirected.length === edges.length;
    problems.push(
      err(
        "E_SCHEMA",
        pathOf(undirected[0]!),
        all
          ? `the graph is undirected (${edges.length} edges); a supply graph is directed, supplier -> customer`
          : `${undirected.length} of ${edges.length} edges are undirected (mixed graph); a supply graph is directed`,
        { hint: "export the graph as directed (networkx: nx.DiGraph; Gephi: directed edges)" },
      ),
    );
  }
}

/** Attribute names declared in the file that would reach an object's prototype. */
export function scanAttributeName(name: string | null, path: string, problems: Problem[]): void {
  if (name !== null && DANGEROUS.has(name))
    problems.push(
      err("E_RESERVED_KEY", path, `the attribute name "${name}" is not allowed`, { hint: "rename it" }),
    );
}

/** A value declared numeric must be a plain number; graphology would turn "" into 0 and "1,000" into NaN. */
export function scanNumber(
  type: string | null,
  value: string | null,
  path: string,
  name: string,
  problems: Problem[],
): void {
  if (type === null || !/^(byte|short|int|integer|long|float|double)$/.test(type)) return;
  if (Number.isNaN(parseStrictNumber(value ?? ""))) {
    problems.push(
      err("E_TYPE", path, `"${name}" is declared ${type} but holds ${JSON.stringify(value ?? "")}`, {
        hint: "write a plain number (no thousands separators, a decimal point)",
      }),
    );
  }
}

/** Remove elements (drawing data), returning how many went. */
export function removeAll(elements: XmlElement[]): number {
  for (const e of elements) e.parentNode?.removeChild(e);
  return elements.length;
}

/**
 * Edges in document order. graphology invents random keys for edges without an id; those must not become ours
 * (our default key is `source->target`), so only ids present in the file are kept.
 */
export function importedEdges(graph: MultiDirectedGraph, elements: XmlElement[]) {
  let i = 0;
  return graph.mapEdges((key, attrs, source, target) => {
    const hasId = elements[i++]?.hasAttribute("id") === true;
    return { ...(hasId ? { key } : {}), source, target, attributes: attrs as Record<string, unknown> };
  });
}

/** An XML NodeList as an array. */
export function elementList(elements: ArrayLike<XmlElement>): XmlElement[] {
  return Array.from({ length: elements.length }, (_, i) => elements[i]!);
}

/**
 * The `<graph>` of a parsed GEXF or GraphML document, its nodes and edges, and the problem paths that name them
 * (`<prefix>node[3][@id="x"]`). `prefix` is where nodes and edges sit, e.g. `/gexf/graph/nodes/`.
 */
export function graphElements(doc: XmlDocument, nodePrefix: string, edgePrefix: string) {
  const root = doc.documentElement as unknown as XmlElement;
  const graphElement = root.getElementsByTagName("graph")[0]!;
  const nodes = elementList(graphElement.getElementsByTagName("node"));
  const edges = elementList(graphElement.getElementsByTagName("edge"));
  const nodePath = (i: number) =>
    `${nodePrefix}${step("node", i, { id: nodes[i]?.getAttribute("id") ?? null })}`;
  const edgePath = (i: number) =>
    `${edgePrefix}${step("edge", i, { source: edges[i]?.getAttribute("source") ?? null, target: edges[i]?.getAttribute("target") ?? null })}`;
  return { root, graphElement, nodes, edges, nodePath, edgePath };
}
