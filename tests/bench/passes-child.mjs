#!/usr/bin/env node
/**
 * The core passes of `analyze` timed one by one, each on a fresh scenario object (masks, supply runs and
 * dominators are memoized per scenario object, so a reused one would time cache hits), for the side-by-side
 * table with graph-tool (py_bench.py --passes): supply + single points of failure (vs reachability + dominator
 * tree), routes (two multi-source Dijkstras, before and after, vs two shortest_distance calls with predecessor
 * maps), betweenness from 200 sampled pivots (vs betweenness(pivots=200)), attack curves (four removal orders vs
 * four vertex_percolation runs). Each cell: median CPU and wall seconds of `--runs` runs. Prints one JSON line.
 * Run with --expose-gc (passes.mjs does): a full collection before each timed run, outside the timer, so no run
 * pays for the garbage of the load or of an earlier run (py_bench.py collects before each run too); each run
 * still pays for its own collections.
 * Usage: node tests/bench/passes-child.mjs <graph.json> [--runs 3]
 */
import { performance } from "node:perf_hooks";
import { scenarioMasks } from "../../dist/src/analysis/_csr.js";
import { attackCurves } from "../../dist/src/analysis/attack-curves.js";
import { centralityScores } from "../../dist/src/analysis/centrality.js";
import { routes } from "../../dist/src/analysis/routes.js";
import { singlePointsOfFailureCore } from "../../dist/src/analysis/single-points-of-failure.js";
import { supplyMask, supplyStatus } from "../../dist/src/analysis/supply.js";
import { loadScenario } from "../../dist/src/io/load-scenario.js";
import { readGraphTable } from "../../dist/src/io/read-graph-table.js";
import { applyScenario } from "../../dist/src/scenario/apply-scenario.js";
import { BASELINE_SCENARIO } from "../../dist/src/scenario/types.js";

const file = process.argv[2];
const i = process.argv.indexOf("--runs");
const runs = i > 0 ? Number(process.argv[i + 1]) : 3;
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const csr = readGraphTable(file);
const fresh = () => applyScenario(csr, loadScenario("no-china"));

function time(fn) {
  const wall = [];
  const cpus = [];
  for (let r = 0; r < runs; r++) {
    const input = fn.prepare ? fn.prepare() : undefined;
    globalThis.gc?.();
    const c0 = cpu();
    const t0 = performance.now();
    fn(input);
    wall.push((performance.now() - t0) / 1000);
    cpus.push(cpu() - c0);
  }
  return { wall: median(wall), cpu: median(cpus), runs };
}

const core = (applied) => {
  supplyStatus(csr, applied);
  singlePointsOfFailureCore(csr, applied);
};
core.prepare = fresh;
const supplyAlone = (applied) => supplyStatus(csr, applied);
supplyAlone.prepare = fresh;
// masks and supply runs of both states are made before the timer (the supply cell above times them): this
// cell is the two Dijkstras and the routes, as graph-tool's is its two searches
const warm = (applied) => {
  supplyMask(csr, scenarioMasks(csr, applied));
  return applied;
};
const route = ({ applied, baseline }) => routes(csr, applied, { baseline });
route.prepare = () => ({ applied: warm(fresh()), baseline: warm(applyScenario(csr, BASELINE_SCENARIO)) });
const between = ({ masks, base }) => centralityScores(csr, masks, base, { exactMaxNodes: 0, pivots: 200 });
between.prepare = () => {
  const applied = fresh();
  return {
    masks: scenarioMasks(csr, applied),
    base: scenarioMasks(csr, applyScenario(csr, BASELINE_SCENARIO)),
  };
};
// betweenness given, so this cell is the four removal orders alone (the betweenness pass is timed above)
const given = new Float64Array(csr.n);
const attack = (applied) => attackCurves(csr, applied, { seeds: [1], betweenness: given });
// supply and dominators before the timer (the first cell times them): this cell is the four curves
attack.prepare = () => {
  const applied = fresh();
  core(applied);
  return applied;
};

process.stdout.write(
  `${JSON.stringify({
    nodes: csr.n,
    edges: csr.m,
    supply: time(supplyAlone),
    supplyAndSinglePoints: time(core),
    routes: time(route),
    betweenness200: time(between),
    attackCurves4: time(attack),
    peakMB: process.resourceUsage().maxRSS / 1024,
  })}\n`,
);
