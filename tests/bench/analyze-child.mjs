#!/usr/bin/env node
/**
 * One timed `analyze` run in its own process (so peak RSS is this run's alone), on the built library in dist/,
 * the way the `analyze` command runs on a large file: parse (read + validate + build the integer view, no
 * graphology graph), then the analysis step (scenario `no-china`, every analysis: the result object), then the
 * JSON report (written in chunks, counted, not stored; the LP flow part is left out, as the command does above
 * 2,000 nodes). Then, outside the total, supply and single points of failure alone: the counterparts of the
 * reachability and dominator-tree cells of the Python libraries. Prints one JSON line.
 * Usage: node tests/bench/analyze-child.mjs <graph.json>
 */
import { performance } from "node:perf_hooks";
import { analyze } from "../../dist/src/analysis/analyze.js";
import { singlePointsOfFailure } from "../../dist/src/analysis/single-points-of-failure.js";
import { supplyStatus } from "../../dist/src/analysis/supply.js";
import { loadScenario } from "../../dist/src/io/load-scenario.js";
import { readGraphTable } from "../../dist/src/io/read-graph-table.js";
import { analyzeJsonChunks } from "../../dist/src/report/analyze.js";
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
const csr = readGraphTable(file);
const t1 = performance.now();
const c1 = cpu();
const applied = applyScenario(csr, loadScenario("no-china"));
const result = analyze(csr, applied);
const t2 = performance.now();
const c2 = cpu();
let reportBytes = 0;
for (const chunk of analyzeJsonChunks(result)) reportBytes += Buffer.byteLength(chunk);
const t3 = performance.now();
const c3 = cpu();
// A fresh scenario object: masks, supply runs and dominator sets are memoized per scenario object, so reusing
// `applied` would time cache hits (an earlier version of this script did, and under-reported these two cells).
const fresh = applyScenario(csr, loadScenario("no-china"));
const t3b = performance.now();
const c3b = cpu();
const supply = supplyStatus(csr, fresh);
const t4 = performance.now();
const c4 = cpu();
singlePointsOfFailure(csr, fresh);
const t5 = performance.now();
const c5 = cpu();
const s = (ms) => ms / 1000;
process.stdout.write(
  `${JSON.stringify({
    nodes: csr.n,
    edges: csr.m,
    parse: s(t1 - t0),
    analysisStep: s(t2 - t1),
    report: s(t3 - t2),
    total: s(t3 - t0),
    supply: s(t4 - t3b),
    singlePointsOfFailure: s(t5 - t4),
    parseCpu: s(c1 - c0),
    analysisStepCpu: s(c2 - c1),
    reportCpu: s(c3 - c2),
    totalCpu: s(c3 - c0),
    supplyCpu: s(c4 - c3b),
    singlePointsOfFailureCpu: s(c5 - c4),
    consumers: supply.consumers.length,
    unsupplied: result.unsupplied.length,
    reportBytes,
    peakMB: process.resourceUsage().maxRSS / 1024,
  })}\n`,
);
