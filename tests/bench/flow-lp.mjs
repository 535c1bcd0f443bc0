#!/usr/bin/env node
/**
 * Flow benchmark: one LP (max-total served demand) and the full N-1 sweep on a graph, median of several runs.
 * Imports the built library (`npm run build` first). Prints one JSON line per measurement:
 *   {"bench":"flow-lp","graph":...,"nodes":...,"edges":...,"what":"lp"|"lp-with-flows"|"n1-sweep","runs":N,"medianMs":...}
 * Usage: node tests/bench/flow-lp.mjs [graph.json ...] [--runs N] [--no-sweep]
 * Default graphs: the bundled 2025 graph when it exists.
 */
import { existsSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { solveFlow } from "../../dist/src/flow/_solve-flow.js";
import { loadHighs } from "../../dist/src/flow/_solver.js";
import { sweepFlow } from "../../dist/src/flow/flow-chokepoints.js";
import { buildFlowModel } from "../../dist/src/flow/flow-model.js";
import { readGraphFile } from "../../dist/src/io/read-graph-file.js";
import { applyScenario } from "../../dist/src/scenario/apply-scenario.js";
import { loadScenario } from "../../dist/src/io/load-scenario.js";

const argv = process.argv.slice(2);
const runsAt = argv.indexOf("--runs");
const runs = runsAt >= 0 ? Number(argv[runsAt + 1]) : 7;
const sweep = !argv.includes("--no-sweep");
const files = argv.filter((a, i) => !a.startsWith("--") && !(runsAt >= 0 && i === runsAt + 1));
if (files.length === 0 && existsSync("graphs/rare-earths-2025.json"))
  files.push("graphs/rare-earths-2025.json");

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
};
/** Median wall time and median CPU time (user + system) of `n` runs, in ms: on a shared machine CPU time shows the work. */
const time = (fn, n) => {
  const ms = [];
  const cpu = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    const c = process.cpuUsage();
    fn();
    const d = process.cpuUsage(c);
    cpu.push((d.user + d.system) / 1000);
    ms.push(performance.now() - t);
  }
  return { medianMs: Number(median(ms).toFixed(2)), cpuMs: Number(median(cpu).toFixed(2)) };
};

const highs = await loadHighs();
for (const file of files) {
  const graph = readGraphFile(file);
  let scenario = { name: "baseline" };
  try {
    if (file.includes("rare-earths")) scenario = loadScenario("no-china");
  } catch {}
  const applied = applyScenario(graph, scenario);
  const row = {
    bench: "flow-lp",
    graph: file,
    scenario: scenario.name,
    nodes: graph.order,
    edges: graph.size,
  };
  const model = buildFlowModel(graph, applied);
  // warm-up: compile the WASM code paths on a tiny LP (a big graph's warm-up solve would cost as much as a run)
  highs.solve("Maximize\n obj: x\nSubject To\n c: x <= 1\nEnd\n");
  const big = graph.order > 2000;
  const n = big ? Math.min(3, runs) : runs;
  console.log(
    JSON.stringify({
      ...row,
      what: "lp",
      runs: n,
      ...time(
        () => solveFlow(highs, buildFlowModel(graph, applied), "max-total", { flows: false, duals: false }),
        n,
      ),
    }),
  );
  console.log(
    JSON.stringify({
      ...row,
      what: "lp-with-flows",
      runs: n,
      ...time(
        () => solveFlow(highs, buildFlowModel(graph, applied), "max-total", { flows: true, duals: true }),
        n,
      ),
    }),
  );
  if (sweep && !big) {
    console.log(
      JSON.stringify({
        ...row,
        what: "n1-sweep",
        runs: 3,
        ...time(() => sweepFlow(highs, graph, applied, "max-total"), 3),
        solves: model.nodes.filter((_, i) => model.demand[i] === 0).length + 1,
      }),
    );
  }
}
