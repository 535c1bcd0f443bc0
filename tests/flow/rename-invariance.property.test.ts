/**
 * No reported figure may depend on node ids, edge keys or file order (issue: served demand you can trust).
 * Each case renames every node (and edge key), shuffles the nodes and edges of the file, solves again and maps the
 * ids back: every figure of `flow` (served demand, ranges, bottlenecks, routed flows, N-1 chokepoints, survival,
 * losses), `compare` and `levers` must be the same.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { countryMetrics } from "../../src/compare/country-metrics.js";
import { leverContributions } from "../../src/compare/lever-contributions.js";
import { flowAnalysis } from "../../src/flow/flow-analysis.js";
import { bundledGraphPath } from "../../src/io/bundled.js";
import { loadLever } from "../../src/io/load-lever.js";
import { loadScenario } from "../../src/io/load-scenario.js";
import { readGraphFile } from "../../src/io/read-graph-file.js";
import type { SupplyGraph } from "../../src/model/types.js";
import { applyScenario } from "../../src/scenario/apply-scenario.js";
import type { Scenario } from "../../src/scenario/types.js";
import { graphFromText } from "../_helpers/graph-from-text.js";
import { renameAndShuffle } from "../_helpers/rename.js";
import { randomSupplyGraphText } from "../_helpers/random-supply-graph.js";

/** Map every id-like string in a result back to the original ids, and sort arrays of records by id. */
function mapBack(value: unknown, back: Map<string, string>): unknown {
  const edgeKey = /^(x\d{4}-\d+)->(x\d{4}-\d+)$/;
  if (typeof value === "string") {
    const m = edgeKey.exec(value);
    if (m) return `${back.get(m[1]!)}->${back.get(m[2]!)}`;
    return back.get(value) ?? value;
  }
  if (Array.isArray(value)) {
    const items = value.map((v) => mapBack(v, back));
    if (items.every((v) => typeof v === "string")) return [...(items as string[])].sort();
    return items.every((v) => v !== null && typeof v === "object" && "id" in (v as object))
      ? [...items].sort((a, b) => {
          const x = JSON.stringify(a);
          const y = JSON.stringify(b);
          return x < y ? -1 : x > y ? 1 : 0;
        })
      : items;
  }
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[back.get(k) ?? k] = mapBack(v, back);
    return out;
  }
  return value;
}

/** A scenario or lever with every node id it names (`node`, `source`, `target`) renamed. */
function renamedIds<T>(value: T, forth: Map<string, string>): T {
  const walk = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(walk);
    if (v === null || typeof v !== "object") return v;
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v))
      out[k] =
        ["node", "source", "target"].includes(k) && typeof x === "string" ? (forth.get(x) ?? x) : walk(x);
    return out;
  };
  return walk(value) as T;
}
const renamedScenario = (scenario: Scenario, forth: Map<string, string>) => renamedIds(scenario, forth);

async function flowFigures(graph: SupplyGraph, scenario: Scenario) {
  // attack curves' orders and the order of tied chokepoints are orders, not figures; R and losses are compared
  const a = await flowAnalysis(graph, applyScenario(graph, scenario), { attack: true, randomOrders: 0 });
  return {
    flow: a.flow,
    chokepoints: a.chokepoints,
    robustness: a.attack?.curves.map((c) => [c.order, c.robustness]),
    survival: a.survival,
    losses: a.losses,
  };
}

/**
 * Plain JSON of the figures. Routed edge flows are a second optimisation: under `least-squares` they are unique
 * but HiGHS's QP solver returns them to ~10^-6, so they are compared to 4 digits; under the `least-flow`
 * fallback renaming can still move them (see docs/flow.md), so they are left out of the comparison.
 */
function normalise(figures: unknown): unknown {
  const plain = JSON.parse(JSON.stringify(figures));
  const flow = (plain as { flow?: { routing?: string; edges?: Array<{ flow: number }> } }).flow;
  if (flow?.edges) {
    if (flow.routing === "least-flow") delete flow.edges;
    else for (const e of flow.edges) e.flow = Number(e.flow.toPrecision(4));
  }
  return plain;
}

describe("figures do not depend on node ids or file order", () => {
  const bundled = readGraphFile(bundledGraphPath(2025));

  it("flow on the bundled 2025 graph, no-china and the 2026 dual-use ban", async () => {
    for (const name of ["no-china", "china-dual-use-ban-japan-2026"]) {
      const scenario = loadScenario(name);
      const before = normalise(await flowFigures(bundled, scenario));
      for (const seed of [1, 2]) {
        const r = renameAndShuffle(bundled, seed);
        const after = mapBack(
          normalise(await flowFigures(r.graph, renamedScenario(scenario, r.forth))),
          r.back,
        );
        expect(after).toEqual(mapBack(before, new Map()));
      }
    }
  }, 240_000);

  it("compare and levers on the bundled 2025 graph", async () => {
    const scenario = loadScenario("no-china");
    const options = { robustness: true } as const;
    const before = normalise(await countryMetrics(bundled, scenario, ["JP", "US"], options));
    const levers = ["diversification", "recycling", "stockpile", "alternative-technology"].map((n) =>
      loadLever(n),
    );
    const leversBefore = normalise(await leverContributions(bundled, scenario, levers, "JP"));
    const r = renameAndShuffle(bundled, 3);
    const after = normalise(
      await countryMetrics(r.graph, renamedScenario(scenario, r.forth), ["JP", "US"], options),
    );
    expect(mapBack(after, r.back)).toEqual(mapBack(before, new Map()));
    const renamedLevers = levers.map((l) => renamedIds(l, r.forth));
    const leversAfter = normalise(
      await leverContributions(r.graph, renamedScenario(scenario, r.forth), renamedLevers, "JP"),
    );
    expect(mapBack(leversAfter, r.back)).toEqual(mapBack(leversBefore, new Map()));
  }, 300_000);

  it("flow on generated graphs", async () => {
    await fc.assert(
      fc.asyncProperty(
        randomSupplyGraphText(8, true),
        fc.integer({ min: 1, max: 1000 }),
        async (text, seed) => {
          const graph = graphFromText(text);
          const scenario: Scenario = { name: "baseline" };
          const before = normalise(await flowFigures(graph, scenario));
          const r = renameAndShuffle(graph, seed);
          const after = mapBack(normalise(await flowFigures(r.graph, scenario)), r.back);
          expect(after).toEqual(mapBack(before, new Map()));
        },
      ),
      { numRuns: 25 },
    );
  }, 240_000);
});
