#!/usr/bin/env node
/**
 * Simulation benchmark: `simulate` over a year in weekly periods (53 periods), baseline and a disruption, on the
 * bundled graphs and on generated graphs; wall time, CPU time and peak memory (RSS) per run.
 * Imports the built library (`npm run build` first). Prints one JSON line per measurement:
 *   {"bench":"simulate","graph":...,"nodes":...,"edges":...,"scenario":...,"periods":...,"wallMs":...,"cpuMs":...,"rssMb":...}
 * Usage: node tests/bench/simulate.mjs [graph.json ...] [--horizon D] [--step D] [--nodes] [--baseline-only]
 * Generated graphs: `npx chokepoint generate --nodes 1000 --out /tmp/g1k.json` (and 10000), then pass the files.
 */
import { existsSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { loadHighs, readGraphFile, simulate } from "../../dist/src/index.js";
import { applyScenario } from "../../dist/src/scenario/apply-scenario.js";
import { loadScenario } from "../../dist/src/io/load-scenario.js";

const argv = process.argv.slice(2);
const opt = (name, fallback) => {
  const at = argv.indexOf(name);
  return at >= 0 ? Number(argv[at + 1]) : fallback;
};
const horizon = opt("--horizon", 365);
const step = opt("--step", 7);
const nodes = argv.includes("--nodes");
const baselineOnly = argv.includes("--baseline-only");
const files = argv.filter((a, i) => !a.startsWith("--") && !["--horizon", "--step"].includes(argv[i - 1]));
if (files.length === 0)
  for (const y of [2010, 2025])
    if (existsSync(`graphs/rare-earths-${y}.json`)) files.push(`graphs/rare-earths-${y}.json`);

await loadHighs();
let peak = process.memoryUsage().rss;
const sampler = setInterval(() => {
  peak = Math.max(peak, process.memoryUsage().rss);
}, 20);
for (const file of files) {
  const graph = readGraphFile(file);
  const scenarios = [{ name: "baseline" }];
  if (baselineOnly) {
    // the baseline alone
  } else if (file.includes("rare-earths"))
    scenarios.push({ ...loadScenario("china-embargo-japan-2010"), durationDays: 60 });
  else {
    // a generated graph: its largest mine down for 60 days
    let top = null;
    graph.forEachNode((id, a) => {
      if (
        a.stage === "mine" &&
        (top === null || (a.capacity ?? 0) > (graph.getNodeAttribute(top, "capacity") ?? 0))
      )
        top = id;
    });
    if (top !== null)
      scenarios.push({ name: `${top} down 60 days`, remove: [{ node: top }], durationDays: 60 });
  }
  for (const scenario of scenarios) {
    const applied = applyScenario(graph, scenario);
    peak = process.memoryUsage().rss;
    const t = performance.now();
    const c = process.cpuUsage();
    const sim = await simulate(graph, applied, { horizon, step, nodes });
    const d = process.cpuUsage(c);
    peak = Math.max(peak, process.memoryUsage().rss);
    console.log(
      JSON.stringify({
        bench: "simulate",
        graph: file,
        nodes: graph.order,
        edges: graph.size,
        scenario: scenario.name,
        periods: sim.periods.length,
        perNode: nodes,
        wallMs: Math.round(performance.now() - t),
        cpuMs: Math.round((d.user + d.system) / 1000),
        rssMb: Math.round(peak / 2 ** 20),
      }),
    );
  }
}
clearInterval(sampler);
