/** Resolve a scenario against a graph: which nodes and edges drop out, which capacities change. */
import { ScenarioError } from "../model/errors.js";
import { isPipeline, type SupplyGraph } from "../model/types.js";
import { cutText, matchesCut, matchesSelector, selectorText } from "./selectors.js";
import type { AppliedScenario, Scenario } from "./types.js";

/**
 * Apply a scenario to a graph (the graph is not changed).
 * Pipeline facilities stay out unless `includePlanned`, or `year` ≥ their `since`; idle ones always stay out.
 * @throws ScenarioError when a selector, node id or cut matches nothing (never a silent no-op).
 */
export function applyScenario(graph: SupplyGraph, scenario: Scenario): AppliedScenario {
  const removed = new Set<string>();
  for (const selector of scenario.remove ?? []) {
    let matched = 0;
    if (selector.node !== undefined && Object.keys(selector).length === 1) {
      if (!graph.hasNode(selector.node)) {
        throw new ScenarioError(
          "E_SCENARIO_UNKNOWN_NODE",
          `scenario "${scenario.name}": node "${selector.node}" does not exist`,
          { selector: `node=${selector.node}` },
        );
      }
      removed.add(selector.node);
      continue;
    }
    graph.forEachNode((id, a) => {
      if (matchesSelector(id, a, selector)) {
        removed.add(id);
        matched++;
      }
    });
    if (matched === 0) {
      const text = selectorText(selector);
      throw new ScenarioError(
        "E_SCENARIO_NO_MATCH",
        `scenario "${scenario.name}": selector ${text} matches no node`,
        { selector: text },
      );
    }
  }

  const excluded = new Set<string>();
  graph.forEachNode((id, a) => {
    if (removed.has(id)) return;
    const online =
      scenario.includePlanned === true ||
      (scenario.year !== undefined && (a.since ?? Number.POSITIVE_INFINITY) <= scenario.year);
    if (a.status === "idle" || (isPipeline(a) && !online)) excluded.add(id);
  });
  const nodeOut = new Set([...removed, ...excluded]);

  const cutEdges = new Set<string>();
  for (const cut of scenario.cut ?? []) {
    let matched = 0;
    graph.forEachEdge((edge, _e, s, t, sa, ta) => {
      if (matchesCut(sa.country, ta.country, sa.output, cut)) {
        matched++;
        if (!nodeOut.has(s) && !nodeOut.has(t)) cutEdges.add(edge);
      }
    });
    if (matched === 0) {
      throw new ScenarioError(
        "E_SCENARIO_NO_MATCH",
        `scenario "${scenario.name}": cut ${cutText(cut)} matches no edge`,
        { selector: cutText(cut) },
      );
    }
  }
  const edgeOut = new Set(cutEdges);
  graph.forEachEdge((edge, _e, s, t) => {
    if (nodeOut.has(s) || nodeOut.has(t)) edgeOut.add(edge);
  });

  const scaledCapacity: Record<string, number> = {};
  for (const rule of scenario.scale ?? []) {
    let matched = 0;
    graph.forEachNode((id, a) => {
      if (!matchesSelector(id, a, rule.select)) return;
      matched++;
      // An unlimited node is scaled from what it ships in the baseline: "half of China" must bite.
      let base = a.capacity;
      if (base === undefined) {
        base = 0;
        graph.forEachOutEdge(id, (_edge, e) => {
          base! += e.volume ?? 0;
        });
      }
      scaledCapacity[id] = (scaledCapacity[id] ?? base) * rule.factor; // several rules compound
    });
    if (matched === 0) {
      const text = selectorText(rule.select);
      throw new ScenarioError(
        "E_SCENARIO_NO_MATCH",
        `scenario "${scenario.name}": scale selector ${text} matches no node`,
        { selector: text },
      );
    }
  }

  return {
    name: scenario.name,
    description: scenario.description,
    removedNodes: [...removed].sort(),
    excludedNodes: [...excluded].sort(),
    removedEdges: [...cutEdges].sort(),
    scaledCapacity: Object.fromEntries(
      Object.entries(scaledCapacity).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
    ),
    nodeOut,
    edgeOut,
  };
}

/** The capacity of a node under a scenario: scaled when a scale rule applies, else the file's (or undefined). */
export function scenarioCapacity(
  graph: SupplyGraph,
  applied: AppliedScenario,
  node: string,
): number | undefined {
  return applied.scaledCapacity[node] ?? graph.getNodeAttribute(node, "capacity");
}
