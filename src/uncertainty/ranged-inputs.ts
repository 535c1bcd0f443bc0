/**
 * The uncertain inputs of an analysis: every range the graph file gives (`ranges` on nodes and edges), plus
 * the relative ranges a scenario's `uncertainty` rules put on values the file gives none. Inputs of nodes and
 * edges the scenario takes out are left out: whatever their value, they change nothing.
 */
import { ScenarioError } from "../model/errors.js";
import { RANGED_NODE_KEYS } from "../model/schema.js";
import type { Ranges, SupplyGraph } from "../model/types.js";
import { matchesSelector, selectorText } from "../scenario/selectors.js";
import type { AppliedScenario, Scenario } from "../scenario/types.js";

/** One uncertain value. */
export interface RangedInput {
  kind: "node" | "edge";
  /** Node id or edge key. */
  id: string;
  /** Attribute name, or `recipe.<material>`. */
  attribute: string;
  /** The file's value (the mode of the triangular draw). */
  value: number;
  low: number;
  high: number;
  /** The range's `why`, or the scenario rule that made it (`scenario: ±30%`). */
  why: string | null;
  /** Where the range comes from. */
  origin: "file" | "scenario";
}

/** The input's name in counters and messages: `node\0id\0attribute`. */
export function inputName(input: Pick<RangedInput, "kind" | "id" | "attribute">): string {
  return `${input.kind}\u0000${input.id}\u0000${input.attribute}`;
}

/** The value of a node attribute or recipe amount (`recipe.<m>`), when it is a number. */
export function attributeValue(attrs: Record<string, unknown>, attribute: string): number | undefined {
  if (attribute.startsWith("recipe.")) {
    const recipe = attrs.recipe as Record<string, number> | undefined;
    const material = attribute.slice("recipe.".length);
    return recipe && Object.hasOwn(recipe, material) ? recipe[material] : undefined;
  }
  const v = attrs[attribute];
  return typeof v === "number" ? v : undefined;
}

function fromRanges(
  kind: "node" | "edge",
  id: string,
  ranges: Ranges | undefined,
  attrs: Record<string, unknown>,
) {
  const out: RangedInput[] = [];
  for (const attribute of Object.keys(ranges ?? {}).sort()) {
    const r = ranges![attribute]!;
    const value = attributeValue(attrs, attribute);
    if (value === undefined) continue; // the loader refuses this; a graph built in code may still have it
    out.push({ kind, id, attribute, value, low: r.low, high: r.high, why: r.why ?? null, origin: "file" });
  }
  return out;
}

/**
 * Every ranged input of the graph under the scenario, sorted by kind (nodes first), id, then attribute.
 * @throws ScenarioError E_SCENARIO_UNCERTAINTY when a rule names an attribute that cannot carry a range, and
 *   E_SCENARIO_NO_MATCH when a rule matches no node having the attribute (never a silent no-op)
 */
export function rangedInputs(
  graph: SupplyGraph,
  scenario: Scenario,
  applied: AppliedScenario,
): RangedInput[] {
  const inputs: RangedInput[] = [];
  const byNode = new Map<string, RangedInput[]>();
  graph.forEachNode((id, a) => {
    if (!applied.nodeOut.has(id)) byNode.set(id, fromRanges("node", id, a.ranges, a));
  });
  for (const rule of scenario.uncertainty ?? []) {
    const { attribute, relative } = rule;
    if (attribute !== "recipe" && !RANGED_NODE_KEYS.has(attribute)) {
      throw new ScenarioError(
        "E_SCENARIO_UNCERTAINTY",
        `scenario "${scenario.name}": uncertainty on "${attribute}", which cannot carry a range`,
        { hint: `use one of ${[...RANGED_NODE_KEYS].join(", ")}, recipe` },
      );
    }
    let matched = 0;
    graph.forEachNode((id, a) => {
      if (!matchesSelector(id, a, rule.select)) return;
      const attributes =
        attribute === "recipe" ? Object.keys(a.recipe ?? {}).map((m) => `recipe.${m}`) : [attribute];
      for (const key of attributes) {
        const value = attributeValue(a, key);
        if (value === undefined) continue;
        matched++;
        const own = byNode.get(id);
        // The file's range is researched; a blanket rule only fills in where there is none. The first rule wins.
        if (!own || own.some((x) => x.attribute === key)) continue;
        const low = Math.max(0, value * (1 - relative));
        own.push({
          kind: "node",
          id,
          attribute: key,
          value,
          low,
          high: value * (1 + relative),
          why: `scenario ${scenario.name}: ±${Number((relative * 100).toPrecision(6))}%`,
          origin: "scenario",
        });
      }
    });
    if (matched === 0) {
      const text = selectorText(rule.select) || "every node";
      throw new ScenarioError(
        "E_SCENARIO_NO_MATCH",
        `scenario "${scenario.name}": uncertainty rule ${text} matches no node with a ${attribute}`,
        { selector: text },
      );
    }
  }
  for (const id of [...byNode.keys()].sort(byId)) {
    const list = byNode.get(id)!;
    list.sort((x, y) => byId(x.attribute, y.attribute));
    for (const x of list) if (x.high > x.low) inputs.push(x);
  }
  const edges: RangedInput[] = [];
  graph.forEachEdge((key, e, s, t) => {
    if (applied.nodeOut.has(s) || applied.nodeOut.has(t) || applied.edgeOut.has(key)) return;
    for (const x of fromRanges("edge", key, e.ranges, e)) if (x.high > x.low) edges.push(x);
  });
  edges.sort((x, y) => byId(x.id, y.id) || byId(x.attribute, y.attribute));
  return [...inputs, ...edges];
}

function byId(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
