#!/usr/bin/env node
/**
 * Load a Parquet graph (a folder of nodes/edges/graph.parquet) into the integer view, the way `analyze` and
 * `summary` read it, in its own process so its peak RSS is its own. Prints one JSON line: wall and CPU seconds
 * of the load (read, decode, validate, build the view), and of the decode alone (hyparquet, every table).
 * Usage: node tests/bench/parquet-child.mjs <folder>
 */
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { readParquetTable } from "../../dist/src/io/formats/parquet.js";
import { readGraphTableAsync } from "../../dist/src/io/read-graph-table.js";

const dir = process.argv[2];
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};
const c0 = cpu();
const t0 = performance.now();
const csr = await readGraphTableAsync(dir);
const t1 = performance.now();
const c1 = cpu();
const peakLoadMB = process.resourceUsage().maxRSS / 1024;
for (const t of ["nodes", "edges"]) await readParquetTable(join(dir, `${t}.parquet`));
const t2 = performance.now();
const c2 = cpu();
process.stdout.write(
  `${JSON.stringify({
    nodes: csr.n,
    edges: csr.m,
    load: (t1 - t0) / 1000,
    loadCpu: c1 - c0,
    decode: (t2 - t1) / 1000,
    decodeCpu: c2 - c1,
    peakLoadMB,
  })}\n`,
);
