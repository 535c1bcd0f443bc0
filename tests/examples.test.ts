/**
 * The scripts in examples/ run as a user runs them (`node examples/x.mjs`, importing "chokepoint", which the
 * package's `exports` resolves to the build), and what each prints is checked against the library computed here,
 * or against properties that hold whatever the bundled data says (the data and the served-demand allocation keep
 * improving; the examples must stay right, not print fixed numbers). my-suppliers runs on its own fictional CSV,
 * so its output is checked exactly, by hand. Needs the build (`npm test` builds first).
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { analyze } from "../src/analysis/analyze.js";
import { loadBundledGraph } from "../src/io/bundled.js";
import { readGraphFile } from "../src/io/read-graph-file.js";
import { loadScenario } from "../src/io/load-scenario.js";
import { servedDemand } from "../src/flow/served-demand.js";
import { applyScenario } from "../src/scenario/apply-scenario.js";
import { contentNetworkOf, originContent } from "../src/scenario/origin-content.js";
import { buildScenario } from "../src/scenario/build-scenario.js";
import { composeScenarios } from "../src/scenario/compose.js";

const EXAMPLES = fileURLToPath(new URL("../examples/", import.meta.url));
const work = mkdtempSync(join(tmpdir(), "chokepoint-examples-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Run an example as a user would, from an empty folder; its stdout, split into lines. */
function run(script: string, ...args: string[]): string[] {
  const r = spawnSync(process.execPath, [join(EXAMPLES, script), ...args], { cwd: work, encoding: "utf8" });
  expect(r.stderr).toBe("");
  expect(r.status).toBe(0);
  return r.stdout.trimEnd().split("\n");
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const tonnes = (x: number) => Math.round(x).toLocaleString("en-US");

describe("examples/", () => {
  it("holds at least six scripts, each one tested here", () => {
    const scripts = readdirSync(EXAMPLES).filter((f) => f.endsWith(".mjs"));
    expect(scripts.length).toBeGreaterThanOrEqual(6);
    expect(scripts.sort()).toEqual(
      [
        "build-scenario.mjs",
        "cheapest-fix.mjs",
        "chinese-content.mjs",
        "export-gexf.mjs",
        "japan-vs-us.mjs",
        "my-suppliers.mjs",
        "remove-each-country.mjs",
      ].sort(),
    );
  });

  it("chinese-content prints each plant's Chinese content and what the foreign-made rule stops, as the library does", () => {
    const lines = run("chinese-content.mjs");
    const graph = loadBundledGraph("rare-earths-2025");
    const network = contentNetworkOf(graph, applyScenario(graph, buildScenario({ name: "baseline" })));
    const share = originContent(network, "CN", "value", graph.getAttribute("materials"));
    const blank = lines.indexOf("");
    const plants = lines.slice(1, blank).map((l) => l.split("\t"));
    expect(plants.length).toBeGreaterThan(5);
    for (const [id, country, text] of plants) {
      const i = graph.nodes().indexOf(id!);
      expect(graph.getNodeAttribute(id!, "country")).toBe(country);
      expect(graph.getNodeAttribute(id!, "stage")).toBe("magnet");
      expect(text).toBe(`${(share[i]! * 100).toFixed(2)}%`);
    }
    const shares = plants.map((p) => Number.parseFloat(p[2]!));
    expect(shares).toEqual([...shares].sort((a, b) => b - a));
    const applied = applyScenario(graph, loadScenario("china-announcement-61-foreign-made"));
    const jpUs = applied.originCuts
      .flatMap((r) => r.edges)
      .filter((e) => graph.getNodeAttribute(e.source, "country") === "JP")
      .filter((e) => graph.getNodeAttribute(e.target, "country") === "US")
      .reduce((s, e) => s + e.volume, 0);
    expect(lines).toContain(`JP>US\t${jpUs.toLocaleString("en-US")}`);
  });

  it("remove-each-country ranks the damage, China's computed the same way here", async () => {
    const lines = run("remove-each-country.mjs", "3");
    const rows = lines.slice(1).map((l) => /^(\d+)\. ([A-Z]{2}) {2}([\d,]+) t\/yr {2}\(([\d.]+)%\)$/.exec(l));
    expect(rows).toHaveLength(3);
    const lost = rows.map((m) => Number(m![3]!.replace(/,/g, "")));
    expect(lost).toEqual([...lost].sort((a, b) => b - a));

    const graph = loadBundledGraph("rare-earths-2025");
    const base = await servedDemand(graph, applyScenario(graph, buildScenario({ name: "baseline" })));
    const before = base.consumers.filter((c) => c.country !== "CN").reduce((t, c) => t + c.served, 0);
    const after = await servedDemand(graph, applyScenario(graph, buildScenario({ remove: ["country=CN"] })));
    const cn = rows.find((m) => m![2] === "CN");
    expect(cn?.[3]).toBe(tonnes(before - after.totalServed));
  });

  it("japan-vs-us prints each country's served share in 2010, 2025 and with the 2028 pipeline", async () => {
    const lines = run("japan-vs-us.mjs");
    expect(lines[1]).toBe("country\t2010\t2025\t2028 pipeline");
    const noChina = loadScenario("no-china");
    const columns = [
      [loadBundledGraph("rare-earths-2010"), noChina],
      [loadBundledGraph("rare-earths-2025"), noChina],
      [loadBundledGraph("rare-earths-2025"), composeScenarios([noChina, buildScenario({ year: 2028 })])],
    ] as const;
    for (const [k, country] of ["JP", "US"].entries()) {
      const cells = lines[2 + k]!.split("\t");
      expect(cells[0]).toBe(country);
      for (const [i, [graph, scenario]] of columns.entries()) {
        const applied = applyScenario(graph, scenario);
        const flow = await servedDemand(graph, applied);
        const cutOff = analyze(graph, applied).consumers.filter((c) => c.country === country && !c.supplied);
        expect(cells[1 + i]).toBe(`${pct(flow.countries[country]!.fraction)} (${cutOff.length} cut off)`);
      }
    }
  });

  it("build-scenario gives what the bundled controls and lynas-outage files give together", async () => {
    const lines = run("build-scenario.mjs");
    const graph = loadBundledGraph("rare-earths-2025");
    const bundled = composeScenarios([
      loadScenario("china-heavy-ree-controls-2025"),
      loadScenario("lynas-outage"),
    ]);
    const applied = applyScenario(graph, bundled);
    expect(lines[1]).toBe(`Cut off: ${analyze(graph, applied).unsupplied.join(", ")}`);
    const flow = await servedDemand(graph, applied);
    const short = Object.entries(flow.countries).filter(([, c]) => c.fraction < 1);
    expect(lines.slice(2)).toEqual(
      short.map(([cc, c]) => `${cc} served ${pct(c.fraction)} of ${c.demand.toLocaleString("en-US")} t/yr`),
    );
  });

  it("cheapest-fix: the capacity it adds does restore the consumer", async () => {
    const lines = run("cheapest-fix.mjs", "toyota", "no-china");
    const steps = lines
      .map((l) => /^\d+\. \+([\d.]+) t\/yr at (\S+) \(dual [\d.]+\)/.exec(l))
      .filter((m) => m !== null);
    expect(steps.length).toBeGreaterThan(0);
    expect(lines.at(-1)).toMatch(/^toyota: 100\.0% served after adding [\d.]+ t\/yr of capacity$/);

    // Replay the additions on a fresh graph (node bottlenecks in the bundled data): Toyota alone is then served.
    const graph = loadBundledGraph("rare-earths-2025");
    for (const m of steps) graph.updateNodeAttribute(m[2]!, "capacity", (c) => (c ?? 0) + Number(m[1]));
    const others = graph.filterNodes((id, a) => id !== "toyota" && (a.demand ?? 0) > 0);
    const scenario = composeScenarios([
      loadScenario("no-china"),
      buildScenario({ remove: others.map((node) => ({ node })) }),
    ]);
    const flow = await servedDemand(graph, applyScenario(graph, scenario));
    expect(flow.consumers[0]!.fraction).toBeGreaterThan(0.999);
  });

  it("export-gexf writes every node with the analysis as attributes", () => {
    const lines = run("export-gexf.mjs", "out.gexf");
    const graph = loadBundledGraph("rare-earths-2025");
    const result = analyze(graph, applyScenario(graph, loadScenario("no-china")));
    expect(lines[0]).toBe(`Wrote out.gexf: ${graph.order} nodes, ${graph.size} edges`);
    const back = readGraphFile(join(work, "out.gexf"));
    expect(back.order).toBe(graph.order);
    for (const n of result.nodes)
      expect(back.getNodeAttribute(n.id, "demandCutAlone")).toBe(n.demandCutAlone);
    expect(back.filterEdges((_e, a) => a.removedByScenario === true)).toHaveLength(
      result.scenario.removedEdges.length,
    );
  });

  it("my-suppliers reads the CSV tables and prints the hand-checked result", () => {
    expect(run("my-suppliers.mjs")).toEqual([
      "Acme Drives motor plant today: single points of failure: none",
      "  countries (up to 2) whose loss cuts it off: AU+CN, CN+EE, CN+MY, CN+VN",
      "Acme Drives motor plant without China: 80 of 120 t/yr served (66.7%)",
      "  limited by Nordic Magnets: 80 t/yr",
      "  single points of failure: Allied Metals Hai Phong, Outback mine, Kuantan Separation, Nordic Magnets",
    ]);
  });
});
