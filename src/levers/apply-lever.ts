/**
 * Apply levers as pure transforms: a NEW graph (`graph.copy()`, the input is never touched) with the levers'
 * edits, the levers' masks as one scenario to compose with any analysis scenario, and exactly what each lever
 * changed. Removal is a mask, never a deletion: deleting a refinery would turn the magnet maker it fed into a
 * "source" with unlimited output, so `remove` and `cut` go through `applyScenario` like any scenario.
 */
import { checkSerializedGraph } from "../model/graph-checks.js";
import { ScenarioError } from "../model/errors.js";
import type { Ranges, SupplyGraph } from "../model/types.js";
import { applyScenario } from "../scenario/apply-scenario.js";
import { composeScenarios } from "../scenario/compose.js";
import { assertSelector, matchesSelector, selectorText } from "../scenario/selectors.js";
import type { Scenario } from "../scenario/types.js";
import type { AddEdge, AttributeChange, EdgeEdit, Lever, LeverChanges, NodeEdit } from "./types.js";

/** The result of applying one or more levers. */
export interface LeveredGraph {
  /** A new graph carrying the edits; the input graph is unchanged. */
  graph: SupplyGraph;
  /** The levers' masks (`remove`, `cut`, `scale`) as one scenario; compose it with the analysis scenario. */
  scenario: Scenario;
  /** What each lever changed, in the order given. */
  changes: LeverChanges[];
}

/** The mask part of a lever as a scenario (named after the lever). */
export function leverScenario(lever: Lever): Scenario {
  const s: Scenario = { name: lever.name };
  if (lever.remove?.length) s.remove = lever.remove;
  if (lever.cut?.length) s.cut = lever.cut;
  if (lever.scale?.length) s.scale = lever.scale;
  return s;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function setAll(
  before: Record<string, unknown>,
  set: Record<string, unknown>,
  apply: (key: string, value: unknown) => void,
): AttributeChange[] {
  const changes: AttributeChange[] = [];
  for (const key of Object.keys(set).sort()) {
    const after = set[key];
    if (after === undefined || same(before[key], after)) continue;
    changes.push({ attribute: key, before: before[key] ?? null, after });
    // A fresh value (recipes are objects): the copy shares nested objects with the input graph.
    apply(key, typeof after === "object" ? structuredClone(after) : after);
  }
  return changes;
}

/**
 * A lever's value replaces the file's estimate, so the estimate's range no longer describes it (and would fail
 * the range check of the edited graph): the ranges of the changed attributes go (`recipe` takes every
 * `recipe.<material>` with it). A fresh object: the copy shares nested objects with the input graph.
 */
function withoutRanges(ranges: Ranges | undefined, changed: AttributeChange[]): Ranges | undefined {
  if (!ranges) return undefined;
  const gone = (key: string) =>
    changed.some((c) => c.attribute === key || (c.attribute === "recipe" && key.startsWith("recipe.")));
  const kept = Object.entries(ranges).filter(([key]) => !gone(key));
  return kept.length ? Object.fromEntries(kept) : undefined;
}

function noMatch(lever: Lever, what: string): ScenarioError {
  return new ScenarioError("E_LEVER_NO_MATCH", `lever "${lever.name}": ${what} matches nothing`, {
    selector: what,
    hint: "check node ids, countries and operators against the data file (chokepoint validate / the viewer)",
  });
}

function editNodes(graph: SupplyGraph, lever: Lever, edit: NodeEdit, out: Map<string, AttributeChange[]>) {
  assertSelector(edit.select, `lever "${lever.name}": edit`);
  const ids = graph.filterNodes((id, a) => matchesSelector(id, a, edit.select)).sort();
  if (ids.length === 0) throw noMatch(lever, `edit selector ${selectorText(edit.select)}`);
  for (const id of ids) {
    const changes = setAll(graph.getNodeAttributes(id), edit.set, (k, v) =>
      graph.setNodeAttribute(id, k as "stock", v as number),
    );
    const ranges = graph.getNodeAttribute(id, "ranges");
    if (changes.length && ranges) {
      const kept = withoutRanges(ranges, changes);
      if (kept) graph.setNodeAttribute(id, "ranges", kept);
      else graph.removeNodeAttribute(id, "ranges");
    }
    if (changes.length)
      out.set(id, [
        ...(out.get(id) ?? []).filter((c) => !changes.some((d) => d.attribute === c.attribute)),
        ...changes,
      ]);
  }
}

function editEdges(graph: SupplyGraph, lever: Lever, edit: EdgeEdit, out: Map<string, AttributeChange[]>) {
  const { from, to } = edit.selectEdge;
  const keys = graph
    .filterEdges((_k, _e, s, t, sa, ta) => matchesSelector(s, sa, from) && matchesSelector(t, ta, to))
    .sort();
  if (keys.length === 0) throw noMatch(lever, `edge edit ${selectorText(from)} -> ${selectorText(to)}`);
  for (const key of keys) {
    const changes = setAll(graph.getEdgeAttributes(key), edit.set, (k, v) =>
      graph.setEdgeAttribute(key, k as "capacity", v as number),
    );
    const ranges = graph.getEdgeAttribute(key, "ranges");
    if (changes.length && ranges) {
      const kept = withoutRanges(ranges, changes);
      if (kept) graph.setEdgeAttribute(key, "ranges", kept);
      else graph.removeEdgeAttribute(key, "ranges");
    }
    if (changes.length) out.set(key, [...(out.get(key) ?? []), ...changes]);
  }
}

function addEdge(graph: SupplyGraph, lever: Lever, add: AddEdge): string {
  const key = `${add.source}->${add.target}`; // the loader's key for an edge without one
  for (const end of [add.source, add.target])
    if (!graph.hasNode(end)) throw noMatch(lever, `addEdges node "${end}"`);
  // the graph type refuses self-loops (graphology would throw an untyped UsageGraphError)
  if (add.source === add.target)
    throw new ScenarioError(
      "E_LEVER_SELF_LOOP",
      `lever "${lever.name}": added edge ${key} starts and ends at the same node`,
      { hint: "a node cannot supply itself; give two different nodes" },
    );
  if (graph.hasEdge(add.source, add.target) || graph.hasEdge(key))
    throw new ScenarioError("E_LEVER_INVALID", `lever "${lever.name}": edge ${key} already exists`, {
      hint: "use an edge edit (selectEdge) to change an existing relation",
    });
  if (graph.inDegree(add.target) === 0)
    throw new ScenarioError(
      "E_LEVER_INVALID",
      `lever "${lever.name}": "${add.target}" has no supplier in the file, so it is a source; an added edge would change that`,
    );
  graph.addDirectedEdgeWithKey(key, add.source, add.target, {
    ...(add.volume !== undefined ? { volume: add.volume } : {}),
    ...(add.capacity !== undefined ? { capacity: add.capacity } : {}),
    ...(add.note !== undefined ? { notes: add.note } : {}),
  });
  return key;
}

/** Re-check the edited graph with the file validator: an edit must not leave, e.g., an unsuppliable recipe. */
function checkEdited(graph: SupplyGraph, lever: Lever): SupplyGraph {
  const { graph: checked, problems } = checkSerializedGraph(graph.export());
  const error = problems.find((p) => p.severity === "error");
  if (!checked || error) {
    throw new ScenarioError(
      "E_LEVER_INVALID",
      `lever "${lever.name}" leaves an invalid graph: ${error?.message ?? "unknown problem"}`,
      { hint: "an edited recipe may only name materials the node's suppliers make" },
    );
  }
  return checked;
}

/**
 * Apply one lever to `graph`: edits on a copy, masks resolved on the result.
 * @throws ScenarioError `E_LEVER_NO_MATCH` when a selector matches nothing (never a silent no-op),
 *   `E_LEVER_INVALID` when the edited graph fails validation; `E_SCENARIO_*` from the masks.
 */
export function applyLever(graph: SupplyGraph, lever: Lever): LeveredGraph {
  return applyLevers(graph, [lever]);
}

/**
 * Apply several levers in order (their edits compose; later edits of the same attribute win; masks are unioned).
 * With an empty list: a copy of the graph and the baseline scenario.
 */
export function applyLevers(graph: SupplyGraph, levers: Lever[]): LeveredGraph {
  let current = graph.copy() as SupplyGraph;
  const changes: LeverChanges[] = [];
  for (const lever of levers) {
    const nodes = new Map<string, AttributeChange[]>();
    const edges = new Map<string, AttributeChange[]>();
    const added = (lever.addEdges ?? []).map((add) => addEdge(current, lever, add));
    for (const edit of lever.edits ?? []) {
      if ("select" in edit) editNodes(current, lever, edit, nodes);
      else editEdges(current, lever, edit, edges);
    }
    if (nodes.size || edges.size || added.length) current = checkEdited(current, lever);
    const applied = applyScenario(current, leverScenario(lever));
    changes.push({
      lever: lever.name,
      pillar: lever.pillar,
      removedNodes: applied.removedNodes,
      cutEdges: applied.removedEdges,
      scaledNodes: applied.scaledCapacity,
      editedNodes: [...nodes.keys()].sort().map((id) => ({ id, changes: nodes.get(id)! })),
      editedEdges: [...edges.keys()].sort().map((key) => ({
        key,
        source: current.source(key),
        target: current.target(key),
        changes: edges.get(key)!,
      })),
      addedEdges: added.sort(),
    });
  }
  const scenario = levers.length === 0 ? { name: "baseline" } : composeScenarios(levers.map(leverScenario));
  return { graph: current, scenario, changes };
}
