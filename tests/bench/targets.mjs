#!/usr/bin/env node
/**
 * Last step of `npm run bench`: every target of issue 17 beside its measured value, read from the results files
 * the other benchmark scripts (and the viewer's e2e benchmark mode) wrote in tests/bench/results/. Prints the
 * list and writes tests/bench/results/targets.md, which the README quotes. A target whose file is missing is
 * listed as "not measured", never filled in.
 * Usage: node tests/bench/targets.mjs
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const results = join(dirname(fileURLToPath(import.meta.url)), "results");
const read = (name) => {
  const file = join(results, name);
  return existsSync(file) ? JSON.parse(readFileSync(file, "utf8")) : null;
};
const f = (x) =>
  x === undefined || x === null ? "–" : x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toPrecision(3);
const rows = [];
/** One target: what, the limit, the measured value (a number in `unit`), and where it comes from. */
const target = (area, what, limit, value, unit, source, note = "") => {
  const verdict = value === undefined || value === null ? "not measured" : value <= limit ? "met" : "missed";
  rows.push({
    area,
    what,
    limit: `≤ ${f(limit)} ${unit}`,
    value: value ?? null,
    shown: `${f(value)} ${unit}`,
    verdict,
    source,
    note,
  });
};

// 1. Flow at 10^4 (and 10^5) nodes: tests/bench/flow-scale.mjs
const flow = read("flow.json");
const flowRow = (nodes, test) => flow?.rows?.find((r) => r.nodes === nodes && test(r.what));
const flowCpu = (nodes, test) => flowRow(nodes, test)?.cpu;
const flowSource = flow ? `flow.md (${flow.measured} UTC, load ${flow.load})` : "flow.md";
target(
  "flow",
  "one max-total LP at 10^4 nodes",
  1,
  flowCpu(10000, (w) => /^max-total LP/.test(w)),
  "CPU s",
  flowSource,
);
target(
  "flow",
  "leximin allocation at 10^4 nodes",
  5,
  flowCpu(10000, (w) => /^leximin/.test(w)),
  "CPU s",
  flowSource,
);
target(
  "flow",
  "full N-1 ranking at 10^4 nodes",
  60,
  flowCpu(10000, (w) => /^full N-1 ranking, 1 thread/.test(w)),
  "CPU s",
  flowSource,
);
target(
  "flow",
  "top-20 flow chokepoints at 10^5 nodes",
  600,
  flowCpu(100000, (w) => /^top-20/.test(w)),
  "CPU s",
  flowSource,
);

// 3. Parquet at 10^6 nodes: tests/bench/parquet.mjs
const parquet = read("parquet.json");
const big = parquet?.rows?.find((r) => r.nodes === 1000000);
const parquetSource = parquet
  ? `parquet.md (${parquet.machine.date.slice(0, 16).replace("T", " ")} UTC, load ${parquet.machine.load.join(" / ")})`
  : "parquet.md";
target(
  "parquet",
  "load a 10^6-node graph from Parquet",
  3,
  big?.load?.wall,
  "s wall",
  parquetSource,
  big ? `${f(big.load.cpu)} CPU s` : "",
);
target(
  "parquet",
  "analyze --no-flow from Parquet at 10^6 nodes",
  20,
  big?.analyze?.wall,
  "s wall",
  parquetSource,
  big ? `${f(big.analyze.cpu)} CPU s` : "",
);
target("parquet", "its peak memory", 1536, big?.analyze?.peakMB, "MB", parquetSource);

// 4. Core passes at 10^6 nodes beside graph-tool: tests/bench/passes.mjs
const passes = read("passes.json");
const million = passes?.rows?.find((r) => r.nodes === 1000000);
const c = million?.chokepoint;
const g = million?.graphTool;
const ratio = (ours, theirs) => (ours && theirs ? ours / theirs : undefined);
const passesSource = passes
  ? `passes.md (${passes.machine.date.slice(0, 16).replace("T", " ")} UTC, load ${passes.machine.load.join(" / ")})`
  : "passes.md";
if (c && g && !c.error && !g.error) {
  // each pass: what it is, its limit, chokepoint's CPU s and graph-tool's counterpart's
  const core = [
    [
      "supply + single points of failure vs reachability + dominator tree",
      1,
      c.supplyAndSinglePoints.cpu,
      g.reachCpu + g.dominatorsCpu,
    ],
    ["routes vs 2 × shortest_distance", 1.5, c.routes.cpu, g.passes.routes?.cpu],
    [
      "betweenness (200 pivots) vs betweenness(pivots=200)",
      1.5,
      c.betweenness200.cpu,
      g.passes.betweenness200?.cpu,
    ],
    [
      "attack curves (4 orders) vs 4 × vertex_percolation",
      1.5,
      c.attackCurves4.cpu,
      g.passes.percolation4?.cpu,
    ],
  ];
  for (const [what, limit, ours, theirs] of core)
    target(
      "core",
      what,
      limit,
      ratio(ours, theirs),
      "x graph-tool",
      passesSource,
      `${f(ours)} vs ${f(theirs)} CPU s`,
    );
} else
  for (const what of ["supply + single points of failure", "routes", "betweenness", "attack curves"])
    target("core", what, 1, undefined, "x graph-tool", passesSource);

// 2. The viewer (e2e benchmark mode writes viewer-10k.json and viewer-100k.json)
const v10 = read("viewer-10k.json");
const v100 = read("viewer-100k.json");
const viewerSource = (v) =>
  v ? `viewer e2e benchmark mode (${v.measured} UTC, load ${v.load})` : "viewer e2e benchmark mode";
const seconds = (ms) => (ms === undefined || ms === null ? undefined : ms / 1000);
target(
  "viewer",
  "10^4 nodes: drop → first drawing",
  2,
  seconds(v10?.dropToFirstDrawingMs),
  "s",
  viewerSource(v10),
);
target(
  "viewer",
  "10^4 nodes: untick China → reachability update (cut-off set on screen)",
  0.3,
  seconds(v10?.toggleChinaToAnswerMs),
  "s",
  viewerSource(v10),
  v10 ? `redrawn after ${f(seconds(v10.toggleChinaToDrawnMs))} s` : "",
);
target(
  "viewer",
  "10^4 nodes: drop → served demand on screen",
  5,
  seconds(v10?.dropToServedDemandMs),
  "s",
  viewerSource(v10),
);
target(
  "viewer",
  "10^5 nodes: drop → aggregated view drawn",
  10,
  seconds(v100?.dropToAggregateDrawnMs),
  "s",
  viewerSource(v100),
);
target(
  "viewer",
  "10^5 nodes: longest task while idle",
  0.2,
  seconds(v100?.idleLongestTaskMs),
  "s",
  viewerSource(v100),
);

const lines = [
  "# Issue 17 targets and what `npm run bench` measured",
  "",
  "Written by `node tests/bench/targets.mjs` (the last step of `npm run bench`) from the results files beside it; each row names the file, its time and the machine's load average then. Medians where the file says so. The machine (2 cores) was shared with other jobs during some runs: see each file.",
  "",
  "| area | target | limit | measured | verdict | note | from |",
  "|---|---|---|---|---|---|---|",
  ...rows.map(
    (r) => `| ${r.area} | ${r.what} | ${r.limit} | ${r.shown} | ${r.verdict} | ${r.note} | ${r.source} |`,
  ),
];
writeFileSync(join(results, "targets.md"), `${lines.join("\n")}\n`);
writeFileSync(join(results, "targets.json"), `${JSON.stringify(rows, null, 2)}\n`);
for (const r of rows)
  process.stdout.write(`${r.verdict.padEnd(12)} ${r.area}: ${r.what}: ${r.shown} (${r.limit})\n`);
