#!/usr/bin/env node
/**
 * One timed `analyze` run in its own process (so peak RSS is this run's alone), on the built library in dist/:
 * parse (read + validate + build the graphology graph), then the analysis step as the `analyze` command does it
 * (scenario `no-china`, CSR view, every analysis, JSON report; the LP flow part is left out: `--no-flow`). Then,
 * outside the total, supply and single points of failure alone: the counterparts of the reachability and
 * dominator-tree cells of the Python libraries. Prints one JSON line.
 * Usage: node tests/bench/analyze-child.mjs <graph.json>
 */
import { performance } from "node:perf_hooks";
import { buildCsr } from "../../dist/src/analysis/_csr.js";
import { analyze } from "../../dist/src/analysis/analyze.js";
import { singlePointsOfFailure } from "../../dist/src/analysis/single-points-of-failure.js";
import { supplyStatus } from "../../dist/src/analysis/supply.js";
import { loadScenario } from "../../dist/src/io/load-scenario.js";
import { readGraphFile } from "../../dist/src/io/read-graph-file.js";
import { formatAnalyzeReport } from "../../dist/src/report/analyze.js";
import { applyScenario } from "../../dist/src/scenario/apply-scenario.js";

const file = process.argv[2];
// CPU time (user + system of the whole process, GC helper threads included) next to wall time: on a shared,
// oversubscribed machine wall time also counts the time spent waiting for a core.
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const c0 = cpu();
const t0 = performance.now();
const graph = readGraphFile(file);
const t1 = performance.now();
const c1 = cpu();
const applied = applyScenario(graph, loadScenario("no-china"));
const csr = buildCsr(graph);
const t2 = performance.now();
const result = analyze(graph, applied, { csr });
const json = formatAnalyzeReport(result, graph, "json");
const t3 = performance.now();
const c3 = cpu();
const supply = supplyStatus(graph, applied, { csr });
const t4 = performance.now();
const c4 = cpu();
singlePointsOfFailure(graph, applied, { csr });
const t5 = performance.now();
const c5 = cpu();
const s = (ms) => ms / 1000;
process.stdout.write(
  `${JSON.stringify({
    nodes: graph.order,
    edges: graph.size,
    parse: s(t1 - t0),
    csr: s(t2 - t1),
    analyze: s(t3 - t2),
    analysisStep: s(t3 - t1),
    total: s(t3 - t0),
    supply: s(t4 - t3),
    singlePointsOfFailure: s(t5 - t4),
    parseCpu: s(c1 - c0),
    analysisStepCpu: s(c3 - c1),
    totalCpu: s(c3 - c0),
    supplyCpu: s(c4 - c3),
    singlePointsOfFailureCpu: s(c5 - c4),
    consumers: supply.consumers.length,
    unsupplied: result.unsupplied.length,
    reportBytes: json.length,
    peakMB: process.resourceUsage().maxRSS / 1024,
  })}\n`,
);
