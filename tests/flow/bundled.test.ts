/**
 * Headline numbers of the flow model on the bundled 2025 graph (measured 2026-11-29 on the data of that day;
 * asserted as ranges so that data corrections do not break the suite, while a modelling error still does).
 *
 * - Baseline: every one of the 310,150 t/yr of magnet demand is served (the baseline balances by construction).
 * - no-china: 9,828 of 83,650 t/yr served outside China (11.7%). Plausible: China makes ~90-94% of NdFeB magnets
 *   and separates nearly all heavy rare earths (ree-facts §1, R151/R152), and Lynas Malaysia is the only
 *   commercial separated-Dy/Tb producer outside China (F03): its 100 t/yr HRE circuit is the top bottleneck,
 *   one more tonne of it serving ~35 t of magnets (Dy/Tb intensity ~0.03 t per t of magnet).
 * - Japan under the January 2026 dual-use ban: 36% of 23,500 t/yr served. Japan's first shortfall comes when the
 *   consumers with no route left run through their private stock (18 days, N11): national piles cannot reach
 *   them. Consumers with a route last months on private plus national stock converted through Japan's surviving
 *   metal and magnet plants. Losses USD 2.2 bn for 90 days and 10.6 bn for a year (2026-12 run), the same order
 *   as Nomura's JPY 660 bn / 2.6 tn (≈ USD 4.4 bn / 17 bn, N12).
 */
import { describe, expect, it } from "vitest";
import { flowAnalysis } from "../../src/flow/flow-analysis.js";
import { servedDemand } from "../../src/flow/served-demand.js";
import { bundledGraphPath } from "../../src/io/bundled.js";
import { loadScenario } from "../../src/io/load-scenario.js";
import { readGraphFile } from "../../src/io/read-graph-file.js";
import { applyScenario } from "../../src/scenario/apply-scenario.js";
import { BASELINE_SCENARIO } from "../../src/scenario/types.js";

const path = bundledGraphPath(2025);

describe("flow on the bundled 2025 graph", () => {
  const graph = readGraphFile(path);

  it("serves all demand in the baseline", async () => {
    const r = await servedDemand(graph, applyScenario(graph, BASELINE_SCENARIO));
    expect(r.totalServed).toBeCloseTo(r.totalDemand, 3);
    expect(r.minFraction).toBeCloseTo(1, 6);
  });

  it("no-china: a small share served, heavy rare earths bind", async () => {
    const applied = applyScenario(graph, loadScenario("no-china"));
    const a = await flowAnalysis(graph, applied, { attack: false });
    const share = a.flow.totalServed / a.flow.totalDemand;
    expect(share).toBeGreaterThan(0.03);
    expect(share).toBeLessThan(0.3);
    expect(a.flow.bottlenecks[0]?.id).toBe("lynas-lamp-hre");
    expect(a.flow.bottlenecks[0]!.shadowPrice!).toBeGreaterThan(10);
    const top3 = a.chokepoints.slice(0, 3).map((c) => c.id);
    expect(top3).toContain("lynas-lamp-hre");
    expect(a.survival.nodes[0]!.index).toBe(1);
  });

  it("Japan under the 2026 dual-use ban: a third served, stocks for weeks, losses of billions", async () => {
    const applied = applyScenario(graph, loadScenario("china-dual-use-ban-japan-2026"));
    const a = await flowAnalysis(graph, applied, { attack: false });
    const jpFlow = a.flow.countries.JP!;
    expect(jpFlow.fraction).toBeGreaterThan(0.15);
    expect(jpFlow.fraction).toBeLessThan(0.6);
    const days = a.survival.countries.JP!.daysToSurvive!;
    expect(days).toBeGreaterThan(10);
    expect(days).toBeLessThan(120);
    // a consumer with a route outlasts the country's first shortfall; one without gets no national stock
    const jp = a.survival.consumers.filter((c) => c.country === "JP");
    const routed = jp.filter((c) => c.shortfall < c.demand);
    const orphans = jp.filter((c) => c.shortfall >= c.demand);
    for (const c of routed) expect(c.daysToSurvive ?? Infinity).toBeGreaterThanOrEqual(days);
    for (const c of orphans) expect(c.nationalStock).toBe(0);
    const [d90, d365] = a.losses.countries.JP!;
    expect(d90!).toBeGreaterThan(2e8);
    expect(d365!).toBeGreaterThan(3e9);
    expect(d365!).toBeLessThan(5e10);
  });
});
