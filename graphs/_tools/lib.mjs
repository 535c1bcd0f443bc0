// Helpers for the rare-earth graph builders. A convenience only: the committed JSON files are the source of
// truth. The builders declare nodes and edges; edge volumes are either numbers or {need: share}, sized here
// from the target's recipe (top-down), so the aggregates close the mass balance by construction.
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
// The reference list lives in the repository (graphs/sources/), so the generator runs on a clean clone.
const FACTS = join(here, "..", "sources", "references.md");

/** Source keys of graphs/sources/references.md ("R44") → the full reference line, so node sources carry the publication and URL. */
export function loadFacts() {
  const lines = readFileSync(FACTS, "utf8").split("\n");
  const refs = new Map();
  for (const line of lines) {
    const m = /^- (R\d+b?) (.*)$/.exec(line);
    if (m) refs.set(m[1], m[2].trim());
  }
  return (key) => {
    if (refs.has(key)) return refs.get(key);
    for (const text of refs.values()) if (text.includes(`${key}:`) || text.includes(`${key} `)) return text;
    throw new Error(`unknown reference ${key}`);
  };
}

export const isPipeline = (a) => a.status === "planned" || a.status === "construction";

/** Round to a sensible precision so the files stay readable. */
export function round(v) {
  if (v >= 100) return Math.round(v);
  if (v >= 1) return Math.round(v * 10) / 10;
  return Math.round(v * 1000) / 1000;
}

/**
 * Resolve {need} edge volumes in reverse topological order, then set consumer demand = baseline inflow.
 * A node's baseline output is the sum of its baseline out-edges (or `production` for magnet makers with a
 * "rest" edge). Returns the graphology serialization object.
 */
export function assemble({ attributes, nodes, edges }) {
  const byId = new Map(nodes.map((n) => [n.key, n]));
  for (const e of edges) {
    if (!byId.has(e.source) || !byId.has(e.target)) throw new Error(`dangling ${e.source} -> ${e.target}`);
  }
  const base = (e) => !isPipeline(byId.get(e.source).attributes) && !isPipeline(byId.get(e.target).attributes);
  const out = (id) => edges.filter((e) => e.source === id);
  const inn = (id) => edges.filter((e) => e.target === id);
  // Kahn's order over all nodes, then walk it backwards.
  const indeg = new Map(nodes.map((n) => [n.key, inn(n.key).length]));
  const queue = nodes.filter((n) => indeg.get(n.key) === 0).map((n) => n.key);
  const order = [];
  while (queue.length) {
    const id = queue.shift();
    order.push(id);
    for (const e of out(id)) {
      indeg.set(e.target, indeg.get(e.target) - 1);
      if (indeg.get(e.target) === 0) queue.push(e.target);
    }
  }
  if (order.length !== nodes.length) throw new Error("cycle in the declared graph");
  for (const id of order.reverse()) {
    const n = byId.get(id);
    const a = n.attributes;
    const outs = out(id);
    const rest = outs.filter((e) => e.volume === "rest");
    if (rest.length) {
      const fixed = outs.filter((e) => typeof e.volume === "number" && base(e)).reduce((s, e) => s + e.volume, 0);
      const left = n.production - fixed;
      if (left < -0.5) throw new Error(`${id}: explicit out-edges ${fixed} exceed production ${n.production}`);
      for (const e of rest) e.volume = left / rest.length;
    }
    const produced = outs.filter((e) => base(e)).reduce((s, e) => s + (typeof e.volume === "number" ? e.volume : 0), 0);
    n.baselineOutput = produced;
    const needs = inn(id).filter((e) => typeof e.volume === "object");
    if (!needs.length) continue;
    const materialOf = (e) => byId.get(e.source).attributes.output;
    const groups = new Map();
    for (const e of needs) groups.set(materialOf(e), [...(groups.get(materialOf(e)) ?? []), e]);
    for (const [material, group] of groups) {
      const required = a.recipe ? produced * a.recipe[material] : produced;
      if (a.recipe && a.recipe[material] === undefined) throw new Error(`${id}: no recipe entry for ${material}`);
      const explicit = inn(id)
        .filter((e) => typeof e.volume === "number" && base(e) && (!a.recipe || materialOf(e) === material))
        .reduce((s, e) => s + e.volume, 0);
      const left = required - explicit;
      if (left < -0.5) throw new Error(`${id}: explicit ${material} inflow ${explicit} exceeds need ${required}`);
      const shares = group.reduce((s, e) => s + e.volume.need, 0);
      for (const e of group) e.volume = (Math.max(0, left) * e.volume.need) / shares;
    }
  }
  for (const e of edges) if (typeof e.volume === "number") e.volume = round(e.volume);
    else if (e.volume !== undefined) throw new Error(`unresolved volume ${e.source} -> ${e.target}`);
  for (const n of nodes) {
    if (n.consumer) {
      const d = inn(n.key)
        .filter((e) => base(e))
        .reduce((s, e) => s + e.volume, 0);
      n.attributes.demand = round(d);
    }
  }
  return {
    attributes,
    options: { type: "directed", multi: false, allowSelfLoops: false },
    nodes: nodes.map((n) => ({ key: n.key, attributes: n.attributes })),
    edges: edges.map((e) => ({
      key: `${e.source}->${e.target}`,
      source: e.source,
      target: e.target,
      attributes: Object.fromEntries(Object.entries({ volume: e.volume, ...e.attributes }).filter(([, v]) => v !== undefined)),
    })),
  };
}

/** Per-node balance: for recipe nodes, what the baseline inflows allow vs what the node ships. */
export function balance(graph) {
  const byId = new Map(graph.nodes.map((n) => [n.key, n.attributes]));
  const base = (e) => !isPipeline(byId.get(e.source)) && !isPipeline(byId.get(e.target));
  const rows = [];
  for (const n of graph.nodes) {
    const a = n.attributes;
    if (isPipeline(a) || a.demand !== undefined || a.stock !== undefined) continue;
    const ins = graph.edges.filter((e) => e.target === n.key && base(e));
    const shipped = graph.edges
      .filter((e) => e.source === n.key && base(e))
      .reduce((s, e) => s + (e.attributes.volume ?? 0), 0);
    if (!ins.length) {
      rows.push({ id: n.key, shipped, allows: a.capacity ?? null });
      continue;
    }
    const inflow = new Map();
    for (const e of ins) {
      const m = byId.get(e.source).output;
      inflow.set(m, (inflow.get(m) ?? 0) + (e.attributes.volume ?? 0));
    }
    const allows = a.recipe
      ? Math.min(...Object.entries(a.recipe).map(([m, r]) => (inflow.get(m) ?? 0) / r))
      : [...inflow.values()].reduce((s, v) => s + v, 0);
    rows.push({ id: n.key, shipped, allows });
  }
  return rows;
}
