/**
 * Every number in the bundled rare-earth graphs carries a range in the shared `ranges` format
 * ({low, high, why} per attribute or `recipe.<material>`), and every material a REO factor and a value per
 * tonne: the uncertainty analysis swings the ranges, `summary` converts imports to t REO eq, and the
 * origin-aware flow model weighs origins by value.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

type Attrs = Record<string, unknown> & {
  ranges?: Record<string, { low: number; high: number; why?: unknown }>;
};
interface File {
  attributes: Record<string, unknown>;
  nodes: Array<{ key: string; attributes: Attrs }>;
  edges: Array<{ key: string; attributes: Attrs }>;
}
const read = (year: number) =>
  JSON.parse(
    readFileSync(fileURLToPath(new URL(`../../graphs/rare-earths-${year}.json`, import.meta.url)), "utf8"),
  ) as File;

const NODE_KEYS = ["capacity", "demand", "stock", "stockpileDays", "valuePerYear"];
const EDGE_KEYS = ["volume", "capacity", "leadTimeDays"];

/** Every ranged number of an item: [range key, value]. A consumer's recipe {material: 1} is a definition. */
function numbers(a: Attrs, keys: string[]): Array<[string, number]> {
  const out: Array<[string, number]> = [];
  for (const k of keys) if (typeof a[k] === "number") out.push([k, a[k] as number]);
  const recipe = a.recipe as Record<string, number> | undefined;
  if (recipe && a.demand === undefined)
    for (const [m, v] of Object.entries(recipe)) out.push([`recipe.${m}`, v]);
  return out;
}

describe.each([2025, 2010])("rare-earths-%i.json: ranges and materials", (year) => {
  const file = read(year);

  it("gives every number of every node and edge a range with a reason, holding the value", () => {
    const items = [
      ...file.nodes.map((n) => [n.key, n.attributes, NODE_KEYS] as const),
      ...file.edges.map((e) => [e.key, e.attributes, EDGE_KEYS] as const),
    ];
    let checked = 0;
    for (const [id, a, keys] of items)
      for (const [key, value] of numbers(a, keys)) {
        const r = a.ranges?.[key];
        expect(r, `${id} ${key}`).toBeDefined();
        expect(typeof r?.why === "string" && r.why.length > 10, `${id} ${key} why`).toBe(true);
        expect(r!.low, `${id} ${key}`).toBeLessThanOrEqual(value);
        expect(r!.high, `${id} ${key}`).toBeGreaterThanOrEqual(value);
        checked++;
      }
    expect(checked).toBeGreaterThan(300);
  });

  it("describes every material it ships: unit, REO factor and value per tonne, sourced, with ranges", () => {
    const materials = file.attributes.materials as Record<string, Attrs>;
    const used = new Set(
      file.nodes.map((n) => n.attributes.output).filter((m): m is string => typeof m === "string"),
    );
    for (const m of used) {
      const d = materials[m];
      expect(d, m).toBeDefined();
      expect(typeof d?.unit, m).toBe("string");
      expect(d?.reoFactor as number, m).toBeGreaterThan(0);
      expect(d?.valuePerTonne as number, m).toBeGreaterThan(0);
      expect((d?.sources as string[] | undefined)?.length ?? 0, m).toBeGreaterThan(0);
      expect(d?.ranges?.valuePerTonne?.why, m).toBeTypeOf("string");
    }
  });
});
