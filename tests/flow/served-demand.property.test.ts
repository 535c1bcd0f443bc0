import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { loadHighs } from "../../src/flow/_solver.js";
import { sweepFlow } from "../../src/flow/flow-chokepoints.js";
import { servedDemand } from "../../src/flow/served-demand.js";
import { isSource, type SupplyGraph } from "../../src/model/types.js";
import { applyScenario } from "../../src/scenario/apply-scenario.js";
import { BASELINE_SCENARIO } from "../../src/scenario/types.js";
import { graphFromText } from "../_helpers/graph-from-text.js";
import { referenceMaxFlow } from "./_reference-max-flow.js";

const maybe = (arb: fc.Arbitrary<number>) => fc.option(arb, { nil: undefined });

/** A random supply graph as text: producers p0.. (with cycles allowed), consumers c0.. (sinks). */
const graphText = (withRecipes: boolean) =>
  fc
    .record({
      producers: fc.array(
        fc.record({
          capacity: maybe(fc.integer({ min: 1, max: 20 })),
          material: fc.constantFrom("a", "b"),
          recipe: fc.tuple(maybe(fc.integer({ min: 1, max: 30 })), maybe(fc.integer({ min: 1, max: 30 }))),
        }),
        { minLength: 2, maxLength: 7 },
      ),
      consumers: fc.array(
        fc.record({
          demand: fc.integer({ min: 1, max: 40 }),
          recipe: fc.tuple(maybe(fc.integer({ min: 1, max: 30 })), maybe(fc.integer({ min: 1, max: 30 }))),
        }),
        { minLength: 1, maxLength: 4 },
      ),
      links: fc.array(
        fc.record({ from: fc.nat(), to: fc.nat(), capacity: maybe(fc.integer({ min: 1, max: 15 })) }),
        { maxLength: 25 },
      ),
    })
    .map(({ producers, consumers, links }) => {
      const np = producers.length;
      const edges = new Map<string, { s: string; t: string; capacity: number | undefined }>();
      for (const l of links) {
        const s = l.from % np;
        const tIndex = l.to % (np + consumers.length);
        const t = tIndex < np ? `p${tIndex}` : `c${tIndex - np}`;
        if (t === `p${s}`) continue;
        edges.set(`p${s}>${t}`, { s: `p${s}`, t, capacity: l.capacity });
      }
      const suppliedBy = (id: string) =>
        new Set(
          [...edges.values()].filter((e) => e.t === id).map((e) => producers[Number(e.s.slice(1))]!.material),
        );
      const recipeText = (id: string, r: [number | undefined, number | undefined]) => {
        if (!withRecipes) return "";
        const have = suppliedBy(id);
        const parts = (["a", "b"] as const)
          .map((m, k) => (r[k] !== undefined && have.has(m) ? `${m}:${r[k]! / 10}` : ""))
          .filter(Boolean);
        return parts.length ? ` recipe=${parts.join(",")}` : "";
      };
      const lines = [
        ...producers.map(
          (p, i) =>
            `p${i} [refinery CN output=${p.material}${p.capacity === undefined ? "" : ` capacity=${p.capacity}`}${recipeText(`p${i}`, p.recipe)}]`,
        ),
        ...consumers.map((c, i) => `c${i} [consumer JP demand=${c.demand}${recipeText(`c${i}`, c.recipe)}]`),
        ...[...edges.values()].map(
          (e) => `${e.s} -> ${e.t}${e.capacity === undefined ? "" : ` capacity=${e.capacity}`}`,
        ),
      ];
      return lines.join("\n");
    });

async function solve(graph: SupplyGraph, objective: "max-total" | "max-min" | "proportional") {
  return servedDemand(graph, applyScenario(graph, BASELINE_SCENARIO), { objective });
}

/** Every constraint of the flow model, checked on the reported flows. */
function violations(graph: SupplyGraph, result: Awaited<ReturnType<typeof solve>>): string[] {
  // Routed flows are reported to 6 significant digits (cleanFlow): allow that much, relative to the demand.
  const scale = result.totalDemand;
  const tol = 1e-5 * Math.max(1, scale);
  const flow = new Map(result.edges.map((e) => [e.id, e.flow]));
  const served = new Map(result.consumers.map((c) => [c.id, c.served]));
  const bad: string[] = [];
  graph.forEachEdge((key, e) => {
    const f = flow.get(key) ?? 0;
    if (f < -tol) bad.push(`negative flow on ${key}`);
    if (e.capacity !== undefined && f > e.capacity + tol) bad.push(`edge ${key} over capacity`);
  });
  graph.forEachNode((id, a) => {
    let out = 0;
    graph.forEachOutEdge(id, (key) => {
      out += flow.get(key) ?? 0;
    });
    const s = served.get(id) ?? 0;
    if (s > (a.demand ?? 0) + tol) bad.push(`${id} served over demand`);
    if (a.capacity !== undefined && out > a.capacity + tol) bad.push(`${id} over capacity`);
    if (isSource(graph, id)) return;
    const inflow = (m?: string) => {
      let t = 0;
      graph.forEachInEdge(id, (key, _e, src) => {
        if (m === undefined || graph.getNodeAttribute(src, "output") === m) t += flow.get(key) ?? 0;
      });
      return t;
    };
    const made = out + s;
    if (a.recipe) {
      for (const [m, amount] of Object.entries(a.recipe))
        if (amount * made > inflow(m) + tol) bad.push(`${id} recipe ${m} violated`);
    } else if (made > inflow() + tol) bad.push(`${id} makes more than it receives`);
  });
  return bad;
}

describe("servedDemand: properties", () => {
  it("max-total equals the max-flow value on graphs without recipes", async () => {
    await fc.assert(
      fc.asyncProperty(graphText(false), async (text) => {
        const graph = graphFromText(text);
        const r = await solve(graph, "max-total");
        expect(r.totalServed).toBeCloseTo(referenceMaxFlow(graph), 6);
      }),
      { numRuns: 40 },
    );
  });

  it("every reported flow respects every constraint, under every objective", async () => {
    await fc.assert(
      fc.asyncProperty(graphText(true), async (text) => {
        const graph = graphFromText(text);
        const total = await solve(graph, "max-total");
        const fair = await solve(graph, "max-min");
        const contracts = await solve(graph, "proportional");
        for (const r of [total, fair, contracts]) expect(violations(graph, r)).toEqual([]);
        // max-total is the optimum; max-min's smallest fraction is the best any allocation achieves
        expect(fair.totalServed).toBeLessThanOrEqual(total.totalServed + 1e-6);
        expect(contracts.totalServed).toBeLessThanOrEqual(total.totalServed + 1e-6);
        expect(fair.minFraction!).toBeGreaterThanOrEqual(contracts.minFraction! - 1e-6);
        expect(fair.minFraction!).toBeGreaterThanOrEqual(total.minFraction! - 1e-6);
      }),
      { numRuns: 30 },
    );
  });

  it("warm-started N-1 re-solves give the totals of fresh solves, under max-total and max-min", async () => {
    const highs = await loadHighs();
    await fc.assert(
      fc.asyncProperty(graphText(true), async (text) => {
        const graph = graphFromText(text);
        const applied = applyScenario(graph, BASELINE_SCENARIO);
        for (const objective of ["max-total", "max-min"] as const) {
          const sweep = sweepFlow(highs, graph, applied, objective);
          for (const [k, id] of sweep.nodes.entries()) {
            const fresh = await servedDemand(
              graph,
              applyScenario(graph, { name: id, remove: [{ node: id }] }),
              {
                objective,
              },
            );
            // both on the reporting grid (quantum): a sum of rounded parts may differ from the rounded sum
            const warm = sweep.servedWithout[k]!.reduce((t, x) => t + x, 0);
            expect(warm).toBeCloseTo(fresh.totalServed, 3);
            expect(sweep.totalWithout[k]!).toBeCloseTo(
              objective === "max-total" ? fresh.maxTotalServed : fresh.totalServed,
              3,
            );
          }
        }
      }),
      { numRuns: 15 },
    );
  }, 300_000);
});
