/**
 * Origin rules (cuts with an `origin` condition): which exports carry enough content from the origin country to
 * be stopped. Each rule is judged on the baseline volumes of the network the scenario's plain rules (removals,
 * plain cuts, pipeline left out) leave on the day the rule starts: a Japanese magnet plant whose Chinese Dy/Tb
 * is itself cut by then carries no Chinese content. Origin rules do not feed into each other (all are judged on
 * the same network), so their order in the file never matters.
 */
import { ScenarioError } from "../model/errors.js";
import type { NodeAttributes } from "../model/types.js";
import type { ScenarioSubject } from "./_subject.js";
import { type ContentNetwork, originContent } from "./origin-content.js";
import { cutText, matchesCut } from "./selectors.js";
import { ruleWindow, windowCovers } from "./timing.js";
import type { DisruptionWindow, OriginCutResult, Scenario } from "./types.js";

/** What the plain rules decided, and where an origin rule's cut edges go. */
export interface PlainRules<E> {
  window: DisruptionWindow;
  /** Pipeline and idle facilities left out (for the whole horizon). */
  excluded: ReadonlySet<string>;
  /** Removed node → windows of the rules removing it. */
  removed: Readonly<Record<string, DisruptionWindow[]>>;
  /** Nodes out at some time (removed or excluded): their edges are never cut by a rule, as for plain cuts. */
  nodeOut: ReadonlySet<string>;
  /** Edge handle → windows of the plain cuts that hit it. */
  plainCuts: ReadonlyMap<E, DisruptionWindow[]>;
  /** Record an edge an origin rule cuts. */
  onCut(key: string, ends: readonly [string, string], window: DisruptionWindow): void;
}

/** The network of one graph in index form, with every edge listed once. */
interface Indexed<E> {
  ids: string[];
  attrs: NodeAttributes[];
  index: Map<string, number>;
  edges: Array<{ edge: E; s: number; t: number; volume: number }>;
}

/**
 * Resolve the scenario's origin rules: cut, for each, the matching edges from outside the origin country whose
 * source's content share (`originContent`) is at least the rule's threshold. Returns what each rule cut.
 * @throws ScenarioError E_SCENARIO_NO_MATCH when a rule's pattern matches no edge at all.
 */
export function resolveOriginCuts<E>(
  graph: ScenarioSubject<E>,
  scenario: Scenario,
  plain: PlainRules<E>,
): OriginCutResult[] {
  const rules = (scenario.cut ?? []).filter((c) => c.origin !== undefined);
  if (rules.length === 0) return [];
  const net = indexed(graph);
  const shares = new Map<string, Float64Array>(); // day|origin|basis → shares
  const results: OriginCutResult[] = [];
  for (const rule of rules) {
    const origin = rule.origin!;
    const ruleTime = ruleWindow(rule, plain.window);
    const day = ruleTime.startDay;
    const nodeOutOn = (id: string) =>
      plain.excluded.has(id) || (plain.removed[id] ?? []).some((w) => windowCovers(w, day));
    const edgeOutOn = (edge: E) => (plain.plainCuts.get(edge) ?? []).some((w) => windowCovers(w, day));
    const cacheKey = `${day}|${origin.country}|${origin.basis}`;
    let share = shares.get(cacheKey);
    if (!share) {
      share = originContent(
        contentNetwork(net, nodeOutOn, edgeOutOn),
        origin.country,
        origin.basis,
        graph.materials(),
      );
      shares.set(cacheKey, share);
    }
    const result: OriginCutResult = { rule: cutText(rule), edges: [], passed: 0 };
    let matched = 0;
    for (const { edge, s, t, volume } of net.edges) {
      const sa = net.attrs[s]!;
      if (sa.country === origin.country || !matchesCut(sa.country, net.attrs[t]!.country, sa.output, rule))
        continue;
      matched++;
      const source = net.ids[s]!;
      const target = net.ids[t]!;
      if (plain.nodeOut.has(source) || plain.nodeOut.has(target) || edgeOutOn(edge)) continue;
      // "Worth 0.1% or more": at the threshold is over it (a relative 1e-9 absorbs rounding in the mixing).
      if (share[s]! >= origin.atLeast * (1 - 1e-9)) {
        const key = graph.edgeKey(edge);
        plain.onCut(key, [source, target], ruleTime);
        const material = sa.output;
        result.edges.push({
          key,
          source,
          target,
          material,
          share: Number(share[s]!.toPrecision(10)),
          volume,
        });
      } else {
        result.passed++;
      }
    }
    if (matched === 0) {
      throw new ScenarioError(
        "E_SCENARIO_NO_MATCH",
        `scenario "${scenario.name}": origin rule ${cutText(rule)} matches no edge from outside ${origin.country}`,
        { selector: cutText(rule) },
      );
    }
    result.edges.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    results.push(result);
  }
  return results;
}

function indexed<E>(graph: ScenarioSubject<E>): Indexed<E> {
  const ids: string[] = [];
  const attrs: NodeAttributes[] = [];
  graph.forEachNode((id, a) => {
    ids.push(id);
    attrs.push(a);
  });
  const index = new Map(ids.map((id, i) => [id, i]));
  const edges: Indexed<E>["edges"] = [];
  graph.forEachEdge((edge, s, t) => {
    edges.push({ edge, s: index.get(s)!, t: index.get(t)!, volume: graph.edgeVolume(edge) });
  });
  return { ids, attrs, index, edges };
}

/** The content network on a day: edges out (plain cut, or an end removed or left out) carry nothing. */
function contentNetwork<E>(
  net: Indexed<E>,
  nodeOutOn: (id: string) => boolean,
  edgeOutOn: (edge: E) => boolean,
): ContentNetwork {
  const inEdges: Array<Array<{ from: number; flow: number }>> = net.ids.map(() => []);
  for (const { edge, s, t, volume } of net.edges) {
    if (nodeOutOn(net.ids[s]!) || nodeOutOn(net.ids[t]!) || edgeOutOn(edge)) continue;
    inEdges[t]!.push({ from: s, flow: volume });
  }
  return {
    n: net.ids.length,
    ids: net.ids,
    country: net.attrs.map((a) => a.country),
    output: net.attrs.map((a) => a.output),
    recipe: net.attrs.map((a) => (a.recipe && Object.keys(a.recipe).length > 0 ? a.recipe : undefined)),
    inEdges,
  };
}
