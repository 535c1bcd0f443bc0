/** Graph-file rules that need the whole graph, not one node or edge at a time. */
import { type CheckedEdge, edgeKey } from "./_checked.js";
import { isConsumer, type NodeAttributes, type Problem } from "./types.js";

/** Rules that need the whole graph: consumers ship nothing, stockpiles carry no flow, recipes are suppliable. */
export function checkFlowRules(
  nodes: Map<string, NodeAttributes>,
  nodeIndex: Map<string, number>,
  /** Node attributes by position in the file's node list (`si`/`ti` of the edges). */
  nodeAt: ReadonlyArray<NodeAttributes | undefined>,
  edges: ReadonlyArray<CheckedEdge>,
  problems: Problem[],
): void {
  const suppliedMaterials = new Map<string, Set<string>>();
  const withSuppliers = new Set<string>();
  // Only recipe nodes are cross-checked below, so only their suppliers are collected (one Set per recipe node,
  // not per node: that was a million Sets at 10^6 nodes).
  for (const e of edges) {
    // by position, not by id: a Map lookup hashes each edge's fresh end strings (seconds at 10^6 edges)
    const t = e.ti >= 0 ? nodeAt[e.ti] : undefined;
    if (t?.recipe) withSuppliers.add(e.target);
    const s = e.si >= 0 ? nodeAt[e.si] : undefined;
    if (!s || !t) continue;
    const path = `/edges/${e.index}`;
    if (isConsumer(s)) {
      problems.push({
        severity: "error",
        code: "E_CONSUMER_HAS_OUTPUT",
        path,
        message: `consumer "${e.source}" (demand > 0) has an outgoing edge to "${e.target}"`,
        hint: "a consumer is a sink",
        nodeId: e.source,
        edgeId: edgeKey(e),
      });
    }
    const ends: Array<[string, NodeAttributes]> =
      s.stock === undefined && t.stock === undefined
        ? []
        : [
            [e.source, s],
            [e.target, t],
          ];
    for (const [end, a] of ends) {
      if (a.stock !== undefined) {
        problems.push({
          severity: "error",
          code: "E_STOCKPILE_EDGE",
          path,
          message: `stockpile "${end}" has an edge ("${edgeKey(e)}")`,
          hint: "stockpiles hold a one-off stock and carry no flow",
          nodeId: end,
          edgeId: edgeKey(e),
        });
      }
    }
    if (t.recipe && s.output === undefined) {
      problems.push({
        severity: "error",
        code: "E_SUPPLIER_NO_OUTPUT",
        path,
        message: `"${e.target}" has a recipe but its supplier "${e.source}" declares no output`,
        hint: "set `output` on the supplier",
        nodeId: e.source,
        edgeId: edgeKey(e),
      });
    }
    if (t.recipe && s.output !== undefined) {
      const set = suppliedMaterials.get(e.target) ?? new Set<string>();
      set.add(s.output);
      suppliedMaterials.set(e.target, set);
    }
  }
  for (const [id, a] of nodes) {
    if (!a.recipe || typeof a.recipe !== "object") continue;
    const supplied = suppliedMaterials.get(id) ?? new Set<string>();
    const hasSuppliers = withSuppliers.has(id); // a Set, not edges.some(): that was O(recipes × edges)
    if (!hasSuppliers) continue; // a source with a recipe, or an unsupplied consumer: nothing to cross-check
    for (const m of Object.keys(a.recipe).sort()) {
      if (!supplied.has(m)) {
        problems.push({
          severity: "error",
          code: "E_RECIPE_UNSUPPLIED",
          path: `/nodes/${nodeIndex.get(id)}/attributes/recipe/${m}`,
          message: `"${id}" needs "${m}" but none of its suppliers outputs it`,
          hint: "add a supplier of it or fix the material name",
          nodeId: id,
        });
      }
    }
  }
}
