/** Resolve a scenario against a graph: which nodes and edges drop out, which capacities change. */
import { ScenarioError } from "../model/errors.js";
import { type GraphInput, isCsr } from "../model/csr.js";
import { isPipeline, type SupplyGraph } from "../model/types.js";
import { resolveOriginCuts } from "./_origin-cuts.js";
import { csrSubject, graphSubject, type ScenarioSubject } from "./_subject.js";
import { assertSelector, cutText, matchesCut, matchesSelector, selectorText } from "./selectors.js";
import type { AppliedScenario, DisruptionWindow, Scenario, ScenarioTiming } from "./types.js";
import { isNodeOnly, ruleWindow, scenarioWindow } from "./timing.js";

/**
 * Apply a scenario to a graph or its integer view (neither is changed): the nodes removed, the pipeline and idle
 * facilities left out, the edges cut and the capacities scaled, ready for any analysis.
 * Pipeline facilities stay out unless `includePlanned`, or `year` ≥ their `since`; idle ones always stay out.
 * @throws ScenarioError when a selector, node id or cut matches nothing (never a silent no-op).
 * @example
 * ```ts
 * const graph = loadBundledGraph();
 * const applied = applyScenario(graph, composeScenarios([loadScenario("no-china"), loadScenario("pipeline-2028")]));
 * console.log(applied.name, applied.removedNodes.length, "removed");
 * ```
 */
export function applyScenario(graph: GraphInput, scenario: Scenario): AppliedScenario {
  return isCsr(graph)
    ? resolveScenario(csrSubject(graph), scenario)
    : resolveScenario(graphSubject(graph), scenario);
}

/**
 * Add `window` to the list of `key` (windows of several rules that hit the same item accumulate). `alone` is
 * `[window]`, made once per rule and shared by every item that rule alone hits: a country rule hits 10^5 nodes
 * of a large graph, and an array each was most of the time spent resolving it. The lists are read-only results.
 */
function addWindow(
  into: Record<string, DisruptionWindow[]>,
  key: string,
  window: DisruptionWindow,
  alone: DisruptionWindow[] = [window],
): void {
  const list = into[key];
  into[key] = list === undefined ? alone : [...list, window];
}

/**
 * The same record with its keys sorted (results are byte-identical whatever the rule order). A record filled in
 * sorted order (one rule over a view, whose nodes come in id order) is returned as it is: rebuilding it would
 * give the same keys in the same order.
 */
function sortedRecord<T>(record: Record<string, T>): Record<string, T> {
  const keys = Object.keys(record);
  let sorted = true;
  for (let i = 1; i < keys.length && sorted; i++) sorted = keys[i - 1]! < keys[i]!;
  if (sorted) return record;
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

function resolveScenario<E>(graph: ScenarioSubject<E>, scenario: Scenario): AppliedScenario {
  const window = scenarioWindow(scenario);
  const timing: ScenarioTiming = {
    window,
    startDate: scenario.startDate ?? null,
    endDate: scenario.endDate ?? null,
    removed: {},
    cut: {},
    scaled: {},
  };
  if (scenario.startDate && scenario.endDate && scenario.endDate < scenario.startDate) {
    throw new ScenarioError(
      "E_SCENARIO_DATES",
      `scenario "${scenario.name}": endDate ${scenario.endDate} is before startDate ${scenario.startDate}`,
      { hint: "give the dates as yyyy-mm-dd, startDate first" },
    );
  }
  const removed = new Set<string>();
  for (const selector of scenario.remove ?? []) {
    assertSelector(selector, `scenario "${scenario.name}": remove`);
    let matched = 0;
    const ruleTime = ruleWindow(selector, window);
    const alone = [ruleTime];
    if (isNodeOnly(selector) && selector.node !== undefined) {
      if (!graph.hasNode(selector.node)) {
        throw new ScenarioError(
          "E_SCENARIO_UNKNOWN_NODE",
          `scenario "${scenario.name}": node "${selector.node}" does not exist`,
          { selector: `node=${selector.node}` },
        );
      }
      removed.add(selector.node);
      addWindow(timing.removed, selector.node, ruleTime);
      continue;
    }
    graph.forEachNode((id, a) => {
      if (matchesSelector(id, a, selector)) {
        removed.add(id);
        addWindow(timing.removed, id, ruleTime, alone);
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

  const cutEdges = new Map<string, readonly [string, string]>();
  // Edge handle → windows of the plain cuts that hit it: the network origin rules are judged on.
  const plainCuts = new Map<E, DisruptionWindow[]>();
  for (const cut of scenario.cut ?? []) {
    if (cut.origin) continue; // origin rules are judged below, on what the plain rules leave
    let matched = 0;
    const ruleTime = ruleWindow(cut, window);
    graph.forEachEdge((edge, s, t, sa, ta) => {
      if (matchesCut(sa.country, ta.country, sa.output, cut)) {
        matched++;
        if (!nodeOut.has(s) && !nodeOut.has(t)) {
          const key = graph.edgeKey(edge);
          cutEdges.set(key, [s, t]);
          addWindow(timing.cut, key, ruleTime);
          plainCuts.set(edge, [...(plainCuts.get(edge) ?? []), ruleTime]);
        }
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
  const originCuts = resolveOriginCuts(graph, scenario, {
    window,
    excluded,
    removed: timing.removed,
    nodeOut,
    plainCuts,
    onCut(key, ends, ruleTime) {
      cutEdges.set(key, ends);
      addWindow(timing.cut, key, ruleTime);
    },
  });
  const cutKeys = [...cutEdges.keys()].sort();

  const scaledCapacity: Record<string, number> = {};
  for (const rule of scenario.scale ?? []) {
    assertSelector(rule.select, `scenario "${scenario.name}": scale`);
    let matched = 0;
    graph.forEachNode((id, a) => {
      if (!matchesSelector(id, a, rule.select)) return;
      matched++;
      // An unlimited node is scaled from what it ships in the baseline: "half of China" must bite.
      const base = a.capacity ?? graph.outVolume(id);
      scaledCapacity[id] = (scaledCapacity[id] ?? base) * rule.factor; // several rules compound
      const entry = timing.scaled[id] ?? { base, factors: [] };
      entry.factors.push({ factor: rule.factor, window: ruleWindow(rule, window) });
      timing.scaled[id] = entry;
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
    removedEdges: cutKeys,
    scaledCapacity: Object.fromEntries(
      Object.entries(scaledCapacity).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
    ),
    nodeOut,
    originCuts,
    edgeOut: new Set(cutKeys),
    cutEdgeEnds: cutKeys.map((k) => cutEdges.get(k)!),
    timing: {
      ...timing,
      removed: sortedRecord(timing.removed),
      cut: sortedRecord(timing.cut),
      scaled: sortedRecord(timing.scaled),
    },
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
