import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildCsr, scenarioMasks } from "../../src/analysis/_csr.js";
import { attackCurves, curveByGroups, groupsOf } from "../../src/analysis/attack-curves.js";
import { applyScenario } from "../../src/scenario/apply-scenario.js";
import { bruteSupplied } from "../_helpers/brute-supply.js";
import { graphFromText } from "../_helpers/graph-from-text.js";
import { renameAndShuffle } from "../_helpers/rename.js";
import { randomSupplyGraphText } from "../_helpers/random-supply-graph.js";

describe("attackCurves", () => {
  it("empty graph", () => {
    const graph = graphFromText("");
    const r = attackCurves(graph, applyScenario(graph, { name: "b" }));
    expect(r.totalDemand).toBe(0);
    expect(r.attacks.map((a) => [a.order, a.steps, a.robustness])).toEqual([
      ["betweenness", 0, 0],
      ["demandCutAlone", 0, 0],
      ["country", 0, 0],
      ["random", 0, 0],
    ]);
  });

  it("a chain: removing the refinery first drops everything; China first in the country order", () => {
    const graph = graphFromText(`
      m [mine AU output=ore]
      r [refinery CN output=ox]
      car [consumer JP demand=4]
      m -> r volume=1
      r -> car volume=1
    `);
    const r = attackCurves(graph, applyScenario(graph, { name: "b" }));
    const byOrder = Object.fromEntries(r.attacks.map((a) => [a.order, a]));
    // The 2 facilities tie (each alone cuts all demand): which goes first would be an arbitrary choice, so they
    // are removed as one group and the curve falls linearly across it; R = mean(0.5, 0).
    expect(byOrder.demandCutAlone!.curve).toEqual([
      { removed: 0, supplied: 1 },
      { removed: 0.5, supplied: 0.5 },
      { removed: 1, supplied: 0 },
    ]);
    expect(byOrder.demandCutAlone!.robustness).toBe(0.25);
    expect(byOrder.country!.countries).toEqual(["CN", "AU"]);
  });

  it("the incremental (reverse, Newman-Ziff) curve equals recomputing supply after every removal", () => {
    fc.assert(
      fc.property(randomSupplyGraphText(9, true), fc.integer(), fc.option(fc.nat()), (text, seed, pick) => {
        const graph = graphFromText(text);
        // sometimes with a cut between two countries, which leaves both ends of the cut edges standing
        const across = graph.filterEdges(
          (_e, _a, s, t) => graph.getNodeAttribute(s, "country") !== graph.getNodeAttribute(t, "country"),
        );
        const e = pick !== null && across.length > 0 ? across[pick % across.length]! : null;
        const cut = e
          ? [
              {
                from: graph.getNodeAttribute(graph.source(e), "country")!,
                to: graph.getNodeAttribute(graph.target(e), "country")!,
              },
            ]
          : [];
        const applied = applyScenario(graph, { name: "b", cut });
        const csr = buildCsr(graph);
        const masks = scenarioMasks(csr, applied);
        const facilities = csr.ids.map((_, i) => i).filter((v) => csr.demand[v] === 0);
        const order = [...facilities].sort(
          (a, b) => ((a * 7919 + seed) % 13) - ((b * 7919 + seed) % 13) || a - b,
        );
        const total = csr.ids.reduce((s, _id, v) => s + csr.demand[v]!, 0);
        // groups of one or two nodes (by the seed's parity), so grouped removal is covered too
        const size = (seed & 1) + 1;
        const groups: number[][] = [];
        for (let i = 0; i < order.length; i += size) groups.push(order.slice(i, i + size));
        const shares = curveByGroups(csr, masks, groupsOf(groups), total);
        expect(shares.length).toBe(groups.length + 1);
        for (let k = 0; k <= groups.length; k++) {
          const dead = new Set(
            groups
              .slice(0, k)
              .flat()
              .map((v) => csr.ids[v]!),
          );
          const supplied = bruteSupplied(graph, applied, dead);
          const demand = csr.ids.reduce((s, id, v) => s + (supplied.has(id) ? csr.demand[v]! : 0), 0);
          expect(shares[k]).toBeCloseTo(total > 0 ? demand / total : 0, 12);
        }
      }),
      { numRuns: 200 },
    );
  });

  it("never depends on node ids or file order (ties removed as groups, random orders over labels)", () => {
    fc.assert(
      fc.property(randomSupplyGraphText(9, true), fc.integer({ min: 1, max: 2 ** 30 }), (text, seed) => {
        const graph = graphFromText(text);
        const renamed = renameAndShuffle(graph, seed);
        const robustness = (g: typeof graph) =>
          attackCurves(g, applyScenario(g, { name: "b" })).attacks.map((a) => [
            a.order,
            a.robustness,
            a.curve,
          ]);
        const a = robustness(graph);
        const b = robustness(renamed.graph);
        expect(b.length).toBe(a.length);
        for (const [k, row] of a.entries()) {
          expect(b[k]![0]).toBe(row[0]);
          expect(b[k]![1]).toBeCloseTo(row[1] as number, 12);
        }
      }),
      { numRuns: 80 },
    );
  });
});
