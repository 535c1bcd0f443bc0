// Every number in the bundled graphs carries a range {low, high, why} (the shared `ranges` format). Ranges
// declared next to a figure win; the rules below give the rest, by what kind of figure it is.
import { round } from "./lib.mjs";

const STOICH = new Set([1.17, 1.15]);
const NODE_KEYS = ["capacity", "demand", "stock", "stockpileDays", "valuePerYear"];
const EDGE_KEYS = ["volume", "capacity", "leadTimeDays"];

const span = (v, lo, hi, why) => ({ low: round(v * lo), high: round(v * hi), why });

function nodeRule(key, v, a) {
  const sourced = !/EST/.test(a.notes ?? "");
  if (key === "capacity")
    return sourced
      ? span(v, 0.9, 1.1, "published capacity (see sources); ±10% for nameplate vs effective capacity")
      : span(v, 0.8, 1.3, "capacity EST from the notes' arithmetic; -20%/+30%");
  if (key === "demand") return span(v, 0.8, 1.2, "demand = the consumer's baseline supply, a sum of estimated deliveries; ±20%");
  return span(v, 0.5, 1.5, `${key} EST; ±50%`);
}

function recipeRule(material, v, a) {
  if (STOICH.has(v) && /metal/.test(a.output ?? ""))
    return { low: v, high: v, why: "oxide per metal: stoichiometric (molar masses), not an estimate" };
  if (material === "DyTb-metal")
    return { low: round(v * 0.6), high: round(v * 1.6), why: "Dy/Tb per t of magnet by grade: grain-boundary diffusion halves it, older high-temperature grades need 8-11% (N24)" };
  if (material === "NdPr-metal")
    return { low: round(v * 0.9), high: round(v * 1.1), why: "magnets ≈26-33 wt% rare earth (N24)" };
  if (material === "HREE-concentrate")
    return { low: round(v * 0.7), high: round(v * 1.5), why: "ionic-clay grades differ by deposit (Dy+Tb 3-8% of REO, NdPr 20-30%)" };
  return { low: round(v * 0.85), high: round(v * 1.2), why: "ratio EST from the cited grades (README, 'How the tonnages relate')" };
}

function edgeRule(key, v, e) {
  const notes = e.attributes.notes ?? "";
  if (key === "leadTimeDays") return span(v, 0.5, 2, "lead time EST by route (shipping and processing); half to double");
  if (key === "capacity") return span(v, 0.9, 1.1, "edge capacity; ±10%");
  if (/^Lead time EST/.test(notes) || !/EST/.test(notes))
    return span(v, 0.9, 1.1, "volume from the cited source; ±10% for year basis and rounding");
  if (/sized from the target's recipe|output left after/.test(notes))
    return span(v, 0.7, 1.3, "volume closes a mass balance from estimated outputs and recipes; ±30%");
  return span(v, 0.5, 1.5, "customer split not public (EST); ±50%");
}

/** Give every numeric attribute a range; keep declared ones; clamp so low <= value <= high. */
export function addRanges(g) {
  const fix = (r, v) => ({ low: Math.min(r.low, v), high: Math.max(r.high, v), why: r.why });
  for (const n of g.nodes) {
    const a = n.attributes;
    const ranges = { ...(a.ranges ?? {}) };
    for (const key of NODE_KEYS)
      if (typeof a[key] === "number") ranges[key] = fix(ranges[key] ?? nodeRule(key, a[key], a), a[key]);
    for (const [m, v] of Object.entries(a.recipe ?? {}))
      if (a.demand === undefined) ranges[`recipe.${m}`] = fix(ranges[`recipe.${m}`] ?? recipeRule(m, v, a), v);
    for (const k of Object.keys(ranges)) if (!(k.startsWith("recipe.") ? a.recipe?.[k.slice(7)] !== undefined : typeof a[k] === "number")) delete ranges[k];
    if (Object.keys(ranges).length) a.ranges = Object.fromEntries(Object.entries(ranges).sort(([x], [y]) => (x < y ? -1 : 1)));
    else delete a.ranges;
  }
  for (const e of g.edges) {
    const at = e.attributes;
    const ranges = { ...(at.ranges ?? {}) };
    for (const key of EDGE_KEYS) if (typeof at[key] === "number") ranges[key] = fix(ranges[key] ?? edgeRule(key, at[key], e), at[key]);
    if (Object.keys(ranges).length) at.ranges = ranges;
  }
  return g;
}
