#!/usr/bin/env node
/**
 * Part of `npm run bench`: chokepoint's core passes beside graph-tool's counterparts, same graphs, same run
 * (tests/bench/passes-child.mjs and py_bench.py --passes; see both headers for what each cell computes). Writes
 * tests/bench/results/passes.md and passes.json. CPU seconds (user + system) are compared: the machine is
 * shared, and wall time there includes waiting for a core.
 * Usage: node tests/bench/passes.mjs [--sizes 10000,100000,1000000] [--work DIR] [--runs 3]
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "..", "..");
const argv = process.argv.slice(2);
const arg = (name, fallback) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : fallback;
};
const sizes = arg("sizes", "10000,100000,1000000").split(",").map(Number);
const work = arg("work", join(os.tmpdir(), "chokepoint-bench"));
const runs = arg("runs", "3");
const seed = 42;
const out = join(here, "results", "passes.md");
const log = (s) => process.stderr.write(`${s}\n`);
const machine = {
  date: new Date().toISOString(),
  cpu: `${os.cpus()[0]?.model ?? "unknown"} × ${os.cpus().length}`,
  node: process.version,
  load: os.loadavg().map((x) => x.toFixed(1)),
};

const rows = [];
for (const n of sizes) {
  const dir = join(work, `${n}-seed-${seed}`);
  mkdirSync(dir, { recursive: true });
  const graph = join(dir, "graph.json");
  if (!existsSync(graph))
    execFileSync(
      process.execPath,
      ["bin/chokepoint.js", "generate", "--nodes", String(n), "--seed", String(seed), "--out", graph],
      { cwd: root, stdio: "inherit" },
    );
  if (!existsSync(join(dir, "edges.tsv")))
    execFileSync(process.execPath, [join(here, "export-tsv.mjs"), String(n), String(seed), dir], {
      cwd: root,
    });
  log(`passes ${n}: chokepoint`);
  const js = spawnSync(
    process.execPath,
    ["--max-old-space-size=8192", "--expose-gc", join(here, "passes-child.mjs"), graph, "--runs", runs],
    { cwd: root, encoding: "utf8", maxBuffer: 1 << 24 },
  );
  log(`passes ${n}: graph-tool`);
  const py = spawnSync("/usr/bin/python3", [join(here, "py_bench.py"), "graph-tool", dir, "--passes"], {
    encoding: "utf8",
    maxBuffer: 1 << 24,
  });
  const last = (r) =>
    r.status === 0 ? JSON.parse(r.stdout.trim().split("\n").pop()) : { error: (r.stderr || "").slice(-500) };
  rows.push({ nodes: n, chokepoint: last(js), graphTool: last(py) });
}
writeFileSync(out.replace(/\.md$/, ".json"), `${JSON.stringify({ machine, rows }, null, 2)}\n`);

const f = (x) => (x === undefined ? "" : x >= 10 ? x.toFixed(1) : x.toPrecision(3));
const ratio = (a, b) => (a && b ? `${(a / b).toFixed(2)}x` : "");
const lines = [
  "# Core passes beside graph-tool (same graphs, same run)",
  "",
  `Measured ${machine.date.slice(0, 16).replace("T", " ")} UTC by \`node tests/bench/passes.mjs\` on ${machine.cpu}, Node.js ${machine.node}, graph-tool from Debian (python3-graph-tool, 1 OpenMP thread); load average at start ${machine.load.join(" / ")} (a shared machine: read ratios under ~1.5x as ties). Graphs: \`chokepoint generate --nodes N --seed 42\`, scenario \`no-china\`. Median CPU seconds (user + system) of the runs shown; ratio = chokepoint / graph-tool (below 1 = faster than graph-tool).`,
  "",
  "| nodes | pass | chokepoint CPU s | graph-tool counterpart | graph-tool CPU s | ratio | target |",
  "|---|---|---|---|---|---|---|",
];
const label = (n) => (n >= 1e6 ? `${n / 1e6}M` : `${n / 1e3}k`);
for (const r of rows) {
  const c = r.chokepoint;
  const g = r.graphTool;
  if (c.error || g.error) {
    lines.push(`| ${label(r.nodes)} | (failed) | ${c.error ?? ""} | | ${g.error ?? ""} | | |`);
    continue;
  }
  const gtCore = g.reachCpu + g.dominatorsCpu;
  const cells = [
    [
      "supply + single points of failure (fresh scenario)",
      c.supplyAndSinglePoints.cpu,
      "reachability + dominator tree",
      gtCore,
      "≤ 1.0x",
    ],
    [
      "routes (fastest-route trees before and after, paths)",
      c.routes.cpu,
      "2 × shortest_distance + pred_map",
      g.passes.routes?.cpu,
      "≤ 1.5x",
    ],
    [
      "betweenness, 200 sampled pivots",
      c.betweenness200.cpu,
      "betweenness(pivots=200)",
      g.passes.betweenness200?.cpu,
      "≤ 1.5x",
    ],
    [
      "attack curves, 4 removal orders",
      c.attackCurves4.cpu,
      "4 × vertex_percolation",
      g.passes.percolation4?.cpu,
      "≤ 1.5x",
    ],
  ];
  for (const [name, ours, gtName, theirs, target] of cells) {
    // issue 17's targets are set at 10^6 nodes; below that, fixed costs of a few ms dominate both sides
    const limit = Number(target.replace(/[^0-9.]/g, ""));
    const verdict = ours && theirs ? (ours / theirs <= limit ? "met" : "missed") : "";
    const cell = r.nodes >= 1e6 ? `${target}: ${verdict}` : "(set at 10^6)";
    if (r.nodes >= 1e6)
      log(`target at 10^6 nodes, ${name}: ${ratio(ours, theirs)} of graph-tool (${target}): ${verdict}`);
    lines.push(
      `| ${label(r.nodes)} | ${name} | ${f(ours)} | ${gtName} | ${f(theirs)} | ${ratio(ours, theirs)} | ${cell} |`,
    );
  }
}
lines.push(
  "",
  "What each side computes: chokepoint's supply is AND/OR over recipe materials and its single points of failure are dominator sets on that AND/OR graph, listed per consumer (up to 1000 each) with per-node cut-off sums; graph-tool's cells are plain reachability without CN and the immediate-dominator tree. Routes: chokepoint's are fastest-route trees over supplied nodes (lead-time shortest paths from every source: in topological order when the supplied subgraph is acyclic with positive lead times, as here, else a multi-source Dijkstra) with a path per consumer, before and after; graph-tool's are Dijkstras from a super-source with predecessor maps (weights 1-100, seeded). Attack curves: chokepoint recomputes the supplied demand share after every removal for four orders (betweenness, demand cut alone, country, random); vertex_percolation tracks the largest component (union-find, reverse order) for four random orders. Routes and attack curves are timed after the masks, supply runs and dominators of their scenario are made (the first row times those). Each side runs a full garbage collection before every timed run, outside the timer; chokepoint's first run in a process also allocates the work arrays later runs reuse (medians of 3 runs).",
);
writeFileSync(out, `${lines.join("\n")}\n`);
log(`wrote ${out}`);
