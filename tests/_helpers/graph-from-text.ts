/**
 * Test graphs drawn as text (ngraph.path style), so a failing test reads as a picture:
 *
 *   graphFromText(`
 *     mine-a [mine CN output=ore]
 *     ref-b [refinery JP output=ox recipe=ore:1.2 capacity=5]
 *     car [consumer JP demand=10]
 *     mine-a -> ref-b volume=10
 *     ref-b -> car volume=8
 *   `)
 *
 * Node lines: `id [stage COUNTRY key=value ...]`; recipe as `m:amt,m:amt`; status=planned etc.
 * A range follows its value in parentheses: `capacity=100(70..130)`, `recipe=ore:2(1.5..2.5)` (→ `ranges`).
 * Edge lines: `a -> b [key=value ...]`. Nodes used only in edges are created as `mine` in `ZZ`.
 * Stages: mine, refinery, metal, magnet, consumer (plus recycling and stockpile).
 */
import { checkSerializedGraph } from "../../src/model/graph-checks.js";
import type { SupplyGraph } from "../../src/model/types.js";

export const TEST_STAGES = ["mine", "recycling", "stockpile", "refinery", "metal", "magnet", "consumer"];

function value(raw: string): unknown {
  if (/^-?\d+(\.\d+)?(e-?\d+)?$/i.test(raw)) return Number(raw);
  return raw;
}

/** `100(70..130)` → the value text and its range; a plain value has no range. */
function ranged(text: string): { text: string; range?: { low: number; high: number } } {
  const m = /^(.*)\(([^.]+(?:\.\d+)?)\.\.(.+)\)$/.exec(text);
  return m ? { text: m[1]!, range: { low: Number(m[2]), high: Number(m[3]) } } : { text };
}

function attrsOf(parts: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const ranges: Record<string, { low: number; high: number }> = {};
  for (const part of parts) {
    const [k, v = ""] = part.split("=");
    if (!k) continue;
    if (k === "recipe") {
      out.recipe = Object.fromEntries(
        v.split(",").map((pair) => {
          const [material = "", amount = ""] = pair.split(":");
          const r = ranged(amount);
          if (r.range) ranges[`recipe.${material}`] = r.range;
          return [material, Number(r.text)];
        }),
      );
    } else {
      const r = ranged(v);
      if (r.range) ranges[k] = r.range;
      out[k] = value(r.text);
    }
  }
  if (Object.keys(ranges).length > 0) out.ranges = ranges;
  return out;
}

/** The serialized form (graph file object) of a text drawing. */
export function serializedFromText(text: string, graphAttributes: Record<string, unknown> = {}) {
  const nodes = new Map<string, Record<string, unknown>>();
  const edges: Array<{ source: string; target: string; attributes: Record<string, unknown> }> = [];
  for (const line of text
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith("#"))) {
    const edge = /^(\S+)\s*->\s*(\S+)\s*(.*)$/.exec(line);
    if (edge) {
      const [, s, t, rest] = edge;
      for (const id of [s!, t!])
        if (!nodes.has(id)) nodes.set(id, { label: id, stage: "mine", country: "ZZ" });
      edges.push({ source: s!, target: t!, attributes: attrsOf(rest!.replace(/[[\]]/g, "").split(/\s+/)) });
      continue;
    }
    const node = /^(\S+)\s*\[(\S+)\s+([A-Z]{2})\s*(.*)\]$/.exec(line);
    if (!node) throw new Error(`cannot read test graph line: ${line}`);
    const [, id, stage, country, rest] = node;
    nodes.set(id!, { label: id, stage, country, ...attrsOf(rest!.split(/\s+/)) });
  }
  return {
    attributes: {
      name: "test",
      stages: TEST_STAGES,
      importStages: ["refinery", "metal"],
      units: "t/yr",
      ...graphAttributes,
    },
    options: { type: "directed", multi: false, allowSelfLoops: false },
    nodes: [...nodes].map(([key, attributes]) => ({ key, attributes })),
    edges,
  };
}

/** A validated SupplyGraph from a text drawing; throws with the loader's problems when it is invalid. */
export function graphFromText(text: string, graphAttributes: Record<string, unknown> = {}): SupplyGraph {
  const result = checkSerializedGraph(serializedFromText(text, graphAttributes));
  if (!result.graph) throw new Error(`invalid test graph: ${JSON.stringify(result.problems, null, 1)}`);
  return result.graph;
}
