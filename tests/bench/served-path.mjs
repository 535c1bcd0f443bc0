#!/usr/bin/env node
/**
 * The viewer's path from a dropped file to served demand split by consumer (issue 17: ≤ 5 s at 10^4 nodes), step
 * by step in Node, with the calls the full analysis worker makes (viewer/src/analysis-worker.ts, analysis.ts,
 * served.ts): the file's check, the integer view, the scenario, the first stages (reachability, single points of
 * failure, routes), then the library's `servedDemand` with `edges: false, bottlenecks: false`, whose callbacks
 * mark the max-total figure and the split; the countries' ranges last (after the split: not on the path).
 * Each run is a fresh process (`--child`), so HiGHS's WebAssembly is cold as in a new worker. Milliseconds of wall
 * and of CPU (the process's user + system, compiler threads included: on a shared machine the wall includes
 * waiting), and the median of `--runs` runs per step. Prints one JSON line per run and the medians; writes nothing.
 *
 * Usage: node tests/bench/served-path.mjs [graph.json] [--runs 3] [--scenario baseline|no-china]
 * Needs `npm run build` (dist/). Default graph: $TMPDIR/chokepoint-bench/synthetic-10000-seed42.json
 * (`npx chokepoint generate --nodes 10000 --seed 42`).
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import os from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";

const argv = process.argv.slice(2);
const arg = (name, fallback) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : fallback;
};
const positional = argv.filter((a, i) => !a.startsWith("--") && !argv[i - 1]?.startsWith("--"));
const file = positional[0] ?? join(os.tmpdir(), "chokepoint-bench", "synthetic-10000-seed42.json");
const scenarioName = arg("scenario", "baseline");

if (argv.includes("--child")) await child();
else parent();

function parent() {
  const runs = Number(arg("runs", "3"));
  const all = [];
  for (let r = 0; r < runs; r++) {
    const out = execFileSync(
      process.execPath,
      [fileURLToPath(import.meta.url), file, "--child", "--scenario", scenarioName],
      { encoding: "utf8", maxBuffer: 1 << 24 },
    );
    const line = JSON.parse(out.trim().split("\n").at(-1));
    console.log(JSON.stringify(line));
    all.push(line);
  }
  const median = (xs) => {
    const s = [...xs].sort((a, b) => a - b);
    return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  };
  const of = (key) =>
    Object.fromEntries(Object.keys(all[0][key]).map((k) => [k, median(all.map((l) => l[key][k]))]));
  const medians = { wall: of("steps"), cpu: of("cpu") };
  console.log(JSON.stringify({ file, scenario: scenarioName, runs, load: os.loadavg(), ...medians }));
}

async function child() {
  const dist = new URL("../../dist/src/", import.meta.url);
  const load = async (path) => import(new URL(path, dist).href);
  const { checkGraphBytes, graphOrThrow } = await load("io/parse-graph.js");
  const { buildCsr } = await load("analysis/_csr.js");
  const { applyScenario } = await load("scenario/apply-scenario.js");
  const { supplyStatus } = await load("analysis/supply.js");
  const { singlePointsOfFailure } = await load("analysis/single-points-of-failure.js");
  const { routes } = await load("analysis/routes.js");
  const { loadHighs } = await load("flow/_solver.js");
  const { servedDemand } = await load("flow/served-demand.js");
  const scenario =
    scenarioName === "no-china" ? { name: "no-china", remove: [{ country: "CN" }] } : { name: "baseline" };
  const steps = {};
  const cpu = {};
  const start = performance.now();
  let last = start;
  let lastCpu = process.cpuUsage();
  const lap = (name) => {
    const now = performance.now();
    const c = process.cpuUsage(lastCpu);
    steps[name] = Math.round(now - last);
    cpu[name] = Math.round((c.user + c.system) / 1000);
    last = now;
    lastCpu = process.cpuUsage();
  };
  const bytes = new Uint8Array(readFileSync(file));
  lap("read");
  // the worker starts loading HiGHS as it starts checking the file
  const highs = loadHighs();
  const graph = graphOrThrow(checkGraphBytes(bytes, { file }), file);
  lap("check");
  const csr = buildCsr(graph);
  lap("integerView");
  const applied = applyScenario(graph, scenario);
  supplyStatus(graph, applied, { csr });
  lap("reach");
  singlePointsOfFailure(graph, applied, { csr });
  routes(graph, applied, { csr });
  lap("structure");
  await highs;
  lap("highsLoaded");
  const report = await servedDemand(graph, applied, {
    edges: false,
    bottlenecks: false,
    onMaxTotal: () => lap("maxTotal"),
    onSplit: () => lap("split"),
  });
  lap("ranges");
  const total = Math.round(performance.now() - start);
  const toSplit = Object.entries(steps)
    .filter(([k]) => k !== "ranges")
    .reduce((t, [, ms]) => t + ms, 0);
  steps.toSplit = toSplit;
  steps.total = total;
  cpu.toSplit = Object.entries(cpu)
    .filter(([k]) => k !== "ranges")
    .reduce((t, [, ms]) => t + ms, 0);
  console.log(
    JSON.stringify({
      nodes: graph.order,
      consumers: report.consumers.length,
      maxTotal: report.maxTotalServed,
      steps,
      cpu,
    }),
  );
}
