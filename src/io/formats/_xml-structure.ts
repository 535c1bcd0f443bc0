/**
 * What graphology's GEXF and GraphML parsers drop or merge without a word, checked before they run:
 * - a second `<graph>`, or one nested in a node (GraphML and GEXF hierarchies): only the first graph's direct
 *   content would be read, and `getElementsByTagName` would merge the nested nodes into it;
 * - GraphML `<hyperedge>`: an edge between more than two nodes, which a supply chain cannot hold;
 * - GEXF dynamics (`<spells>`, `start`/`end` on nodes, edges and values, `mode="dynamic"`): time is dropped, and
 *   several values of one attribute over time would collapse to the last one;
 * - the same attribute twice on one element (`<data key="d0">` or `<attvalue for="0">`): the last would win.
 * Structure that changes the data is an error; time intervals on their own (the graph read as of all time)
 * are a warning.
 */
import type { Problem } from "../../model/types.js";
import { elementList, type XmlElement } from "./_xml-scan.js";

interface Node extends XmlElement {
  readonly tagName?: string;
  readonly parentNode: (XmlElement & { removeChild(child: unknown): unknown }) | null;
}

function nameOf(e: XmlElement | null): string {
  if (!e) return "?";
  const id = e.getAttribute("id");
  return `${e.localName ?? "?"}${id !== null ? `[@id=${JSON.stringify(id)}]` : ""}`;
}

/** The element an attribute value belongs to: `<data>`'s parent; `<attvalue>`'s grandparent (`<attvalues>`). */
function ownerOf(e: Node): XmlElement | null {
  const parent = e.parentNode as Node | null;
  if (!parent) return null;
  return parent.localName === "attvalues" ? ((parent.parentNode as XmlElement | null) ?? null) : parent;
}

/** Problems of structure that the graphology parsers would silently merge or drop. */
export function scanXmlStructure(root: XmlElement, format: "gexf" | "graphml"): Problem[] {
  const problems: Problem[] = [];
  const top = `/${format}`;
  const graphs = elementList(root.getElementsByTagName("graph"));
  if (graphs.length > 1) {
    const nested = graphs.slice(1).some((g) => (g as Node).parentNode !== (root as unknown));
    problems.push({
      severity: "error",
      code: "E_XML_GRAPHS",
      path: `${top}/graph`,
      message: nested
        ? `a <graph> is nested inside ${nameOf((graphs.slice(1).find((g) => (g as Node).parentNode !== (root as unknown)) as Node).parentNode)}: hierarchical graphs would be flattened`
        : `the file holds ${graphs.length} <graph> elements; only one can be read`,
      hint: "keep one flat graph per file",
    });
  }
  if (format === "graphml") {
    const hyper = root.getElementsByTagName("hyperedge");
    if (hyper.length > 0)
      problems.push({
        severity: "error",
        code: "E_XML_HYPEREDGE",
        path: `${top}/graph/hyperedge`,
        message: `${hyper.length} <hyperedge> element(s): an edge between more than two nodes cannot be read (it would be dropped)`,
        hint: "replace each hyperedge by edges between pairs of nodes",
      });
  }
  // the same attribute twice on one element
  const valueTag = format === "graphml" ? "data" : "attvalue";
  const keyAttr = format === "graphml" ? "key" : "for";
  const seen = new Map<unknown, Map<string, number>>();
  let timed = 0;
  for (const v of elementList(root.getElementsByTagName(valueTag))) {
    const owner = ownerOf(v as Node);
    const key = v.getAttribute(keyAttr) ?? v.getAttribute("id") ?? "";
    const keys = seen.get(owner) ?? new Map<string, number>();
    seen.set(owner, keys);
    const count = (keys.get(key) ?? 0) + 1;
    keys.set(key, count);
    if (count === 2)
      problems.push({
        severity: "error",
        code: "E_DUPLICATE_DATA",
        path: `${top}/…/${nameOf(owner)}/${valueTag}[@${keyAttr}=${JSON.stringify(key)}]`,
        message: `${nameOf(owner)} gives attribute "${key}" more than once${format === "gexf" ? " (values over time?)" : ""}; only the last value would be kept`,
        hint: "keep one value per attribute",
      });
    if (
      v.hasAttribute("start") ||
      v.hasAttribute("end") ||
      v.hasAttribute("startopen") ||
      v.hasAttribute("endopen")
    )
      timed++;
  }
  if (format === "gexf") {
    const spells = root.getElementsByTagName("spells").length + root.getElementsByTagName("spell").length;
    const intervals = elementList(root.getElementsByTagName("*")).filter(
      (e) =>
        (e.localName === "node" || e.localName === "edge") &&
        (e.hasAttribute("start") || e.hasAttribute("end")),
    ).length;
    const dynamic = elementList(root.getElementsByTagName("graph")).some(
      (g) => g.getAttribute("mode") === "dynamic",
    );
    if (spells + intervals + timed > 0 || dynamic)
      problems.push({
        severity: "warning",
        code: "W_GEXF_DYNAMIC",
        path: `${top}/graph`,
        message: `time intervals are ignored (${spells} spell element(s), ${intervals} timed node(s)/edge(s), ${timed} timed value(s)): the graph is read as static`,
        hint: "export a static snapshot from Gephi (Timeline off) for figures at one date",
      });
  }
  return problems;
}
