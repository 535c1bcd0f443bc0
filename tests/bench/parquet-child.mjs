#!/usr/bin/env node
/**
 * Load a Parquet graph (a folder of nodes/edges/graph.parquet) into the integer view, the way `analyze` and
 * `summary` read it, in its own process so its peak RSS is its own. Prints one JSON line: wall and CPU seconds
 * of the load (read, decode, validate, build the view) and the process's peak RSS after it.
 * Usage: node tests/bench/parquet-child.mjs <folder> [--dist DIR] [--decode-only]
 *   --dist DIR      the build to load with (default: this checkout's dist/; another commit's for a side by side)
 *   --decode-only   the decode of the tables alone, as the load reads them (no checks, no view)
 */
import { join, resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { pathToFileURL } from "node:url";

const argv = process.argv.slice(2);
const dir = argv[0];
const at = argv.indexOf("--dist");
const dist = at >= 0 ? resolve(argv[at + 1]) : new URL("../../dist", import.meta.url).pathname;
const load = async (path) => import(pathToFileURL(join(dist, path)).href);
const { readParquetTable } = await load("src/io/formats/parquet.js");
const { readGraphTableAsync } = await load("src/io/read-graph-table.js");
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};
const c0 = cpu();
const t0 = performance.now();
const out = {};
if (argv.includes("--decode-only")) {
  // the tables as the load reads them (edge ends as node positions), where the build has that reader
  const { readParquetTables } = await load("src/io/formats/parquet-files.js");
  if (readParquetTables) await readParquetTables(dir, {}, true);
  else for (const t of ["nodes", "edges"]) await readParquetTable(join(dir, `${t}.parquet`));
} else {
  const csr = await readGraphTableAsync(dir);
  out.nodes = csr.n;
  out.edges = csr.m;
}
const t1 = performance.now();
const c1 = cpu();
process.stdout.write(
  `${JSON.stringify({ ...out, wall: (t1 - t0) / 1000, cpu: c1 - c0, peakMB: process.resourceUsage().maxRSS / 1024 })}\n`,
);
