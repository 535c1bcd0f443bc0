#!/usr/bin/env node
/**
 * Part of `npm run bench`: Parquet input at 10^4-10^6 nodes. For each generated graph: convert its JSON to a
 * Parquet folder (`chokepoint convert --to parquet`, once), then load it into the integer view in a child
 * (tests/bench/parquet-child.mjs: read + decode + validate + build the view; and the decode of the tables alone), and
 * run `chokepoint analyze <folder> --no-flow --format json --out` end to end under /usr/bin/time (wall, CPU,
 * peak RSS). Each figure is the median of --runs runs (each run its own process). With --baseline DIR (a built
 * checkout of another commit, e.g. a `git worktree` of main), the same steps run with that build on a folder
 * converted by that build, side by side in the same run. Targets (issue 17): a 10^6-node graph loads in ≤ 3 s;
 * analyze --no-flow from Parquet ≤ 20 s wall and ≤ 1.5 GB. Writes tests/bench/results/parquet.md and .json.
 * Usage: node tests/bench/parquet.mjs [--sizes 10000,100000,1000000] [--work DIR] [--runs 3]
 *        [--baseline DIR [--baseline-label TEXT]]
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import { dirname, join, resolve } from "node:path";
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
const runs = Number(arg("runs", "3"));
const baseline = arg("baseline") ? resolve(arg("baseline")) : undefined;
const baselineLabel = arg("baseline-label", baseline);
const seed = 42;
const out = join(here, "results", "parquet.md");
const log = (s) => process.stderr.write(`${s}\n`);
const machine = {
  date: new Date().toISOString(),
  cpu: `${os.cpus()[0]?.model ?? "unknown"} × ${os.cpus().length}`,
  node: process.version,
  load: os.loadavg().map((x) => x.toFixed(1)),
};
const timed = (args, cwd = root) => {
  const r = spawnSync("/usr/bin/time", ["-f", "%e %U %S %M", process.execPath, ...args], {
    cwd,
    encoding: "utf8",
    maxBuffer: 1 << 26,
  });
  const [wall, user, sys, kb] = r.stderr.trim().split("\n").pop().split(" ").map(Number);
  return r.status === 0
    ? { wall, cpu: user + sys, peakMB: kb / 1024, stdout: r.stdout }
    : { error: r.stderr.slice(-500) };
};
const median = (xs) => {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  return s.length === 0 ? undefined : s[Math.floor((s.length - 1) / 2)];
};
/** Median of each field over `runs` runs of `once` (each a fresh process); the first error stops. */
const medianOf = (once) => {
  const all = [];
  for (let k = 0; k < runs; k++) {
    const r = once();
    if (r.error) return r;
    all.push(r);
  }
  const keys = Object.keys(all[0]).filter((k) => typeof all[0][k] === "number");
  return Object.fromEntries(keys.map((k) => [k, median(all.map((r) => r[k]))]));
};
// the heap flags bin/chokepoint.js gives every command
const HEAP = ["--max-old-space-size=8192", "--max-semi-space-size=64"];
const child = (folder, extra = []) => {
  const r = timed([...HEAP, join(here, "parquet-child.mjs"), folder, ...extra]);
  return r.error ? r : { ...JSON.parse(r.stdout.trim().split("\n").pop()), peakMB: r.peakMB };
};
const convert = (checkout, graph, folder) => {
  if (existsSync(join(folder, "edges.parquet"))) return;
  log(`convert ${graph} -> ${folder}`);
  const r = timed(
    [
      "--max-old-space-size=12000",
      "bin/chokepoint.js",
      "convert",
      graph,
      folder,
      "--to",
      "parquet",
      "--quiet",
    ],
    checkout,
  );
  if (r.error) throw new Error(r.error);
};
const analyze = (checkout, folder, report) => {
  const r = timed(
    ["bin/chokepoint.js", "analyze", folder, "--no-flow", "--format", "json", "--out", report],
    checkout,
  );
  delete r.stdout;
  return r;
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
  const pq = join(dir, "parquet");
  convert(root, graph, pq);
  const row = { nodes: n, jsonMB: statSync(graph).size / 2 ** 20 };
  row.parquetMB = readdirSync(pq).reduce((t, f) => t + statSync(join(pq, f)).size, 0) / 2 ** 20;
  log(`parquet ${n}: load ×${runs}`);
  row.load = medianOf(() => child(pq));
  row.decode = medianOf(() => child(pq, ["--decode-only"]));
  log(`parquet ${n}: analyze --no-flow ×${runs}`);
  row.analyze = medianOf(() => analyze(root, pq, join(dir, "report-parquet.json")));
  if (baseline) {
    // the baseline build on a folder its own writer made, and this build on that folder (plain edge ends)
    const old = join(dir, "parquet-baseline");
    convert(baseline, graph, old);
    log(`parquet ${n}: baseline load and analyze ×${runs}`);
    row.baseline = {
      load: medianOf(() => child(old, ["--dist", join(baseline, "dist")])),
      analyze: medianOf(() => analyze(baseline, old, join(dir, "report-baseline.json"))),
      newOnOldFiles: medianOf(() => child(old)),
    };
  }
  rows.push(row);
}
machine.loadEnd = os.loadavg().map((x) => x.toFixed(1));
writeFileSync(
  out.replace(/\.md$/, ".json"),
  `${JSON.stringify({ machine, runs, baseline: baseline ? baselineLabel : null, rows }, null, 2)}\n`,
);
const f = (x) => (x === undefined ? "" : x >= 10 ? x.toFixed(1) : x.toPrecision(3));
const label = (n) => (n >= 1e6 ? `${n / 1e6}M` : `${n / 1e3}k`);
const lines = [
  "# Parquet input",
  "",
  `Measured ${machine.date.slice(0, 16).replace("T", " ")} UTC by \`node tests/bench/parquet.mjs\` on ${machine.cpu}, Node.js ${machine.node}; load average at start ${machine.load.join(" / ")}, at end ${machine.loadEnd.join(" / ")} (a shared machine: wall time includes waiting for a core, CPU time does not). ${runs === 1 ? "One run of each step" : `Medians of ${runs} runs`}, each in its own process. Graphs: \`chokepoint generate --nodes N --seed 42\`, converted with \`chokepoint convert graph.json parquet/ --to parquet\` (hyparquet-writer, snappy; edge ends dictionary-encoded). Load = read, decode, validate and build the integer view, as \`analyze\` does; decode = reading the two tables into columns alone, as the load reads them (text and DOUBLE columns by our page readers over hyparquet's page decoders, the rest by hyparquet's reader; edge ends as node positions), no checks.`,
  "",
  "| nodes | JSON MB | Parquet MB | load wall s | load CPU s | decode CPU s | load peak MB | analyze --no-flow wall s | CPU s | peak MB |",
  "|---|---|---|---|---|---|---|---|---|---|",
];
for (const r of rows) {
  const l = r.load;
  const a = r.analyze;
  lines.push(
    `| ${label(r.nodes)} | ${f(r.jsonMB)} | ${f(r.parquetMB)} | ${f(l.wall)} | ${f(l.cpu)} | ${f(r.decode.cpu)} | ${f(l.peakMB)} | ${f(a.wall)} | ${f(a.cpu)} | ${f(a.peakMB)} |`,
  );
}
if (baseline) {
  lines.push(
    "",
    `## Side by side with the baseline build (${baselineLabel}), same run`,
    "",
    'The baseline reads a folder its own writer made; "this build, baseline files" is this build reading that folder (edge ends not dictionary-encoded, as many writers leave them).',
    "",
    "| nodes | baseline load wall s | CPU s | peak MB | this build load wall s | CPU s | peak MB | this build, baseline files: load CPU s | baseline analyze wall s | CPU s | peak MB |",
    "|---|---|---|---|---|---|---|---|---|---|---|",
  );
  for (const r of rows) {
    const b = r.baseline;
    lines.push(
      `| ${label(r.nodes)} | ${f(b.load.wall)} | ${f(b.load.cpu)} | ${f(b.load.peakMB)} | ${f(r.load.wall)} | ${f(r.load.cpu)} | ${f(r.load.peakMB)} | ${f(b.newOnOldFiles.cpu)} | ${f(b.analyze.wall)} | ${f(b.analyze.cpu)} | ${f(b.analyze.peakMB)} |`,
    );
  }
}
const big = rows.find((r) => r.nodes === 1e6);
if (big && !big.load.error && !big.analyze.error)
  lines.push(
    "",
    "## Targets at 10^6 nodes (issue 17, item 3)",
    "",
    `- Load ≤ 3 s: ${f(big.load.wall)} s wall, ${f(big.load.cpu)} s CPU (${big.load.wall <= 3 ? "met" : "missed"}).`,
    `- analyze --no-flow from Parquet ≤ 20 s wall: ${f(big.analyze.wall)} s (${big.analyze.wall <= 20 ? "met" : "missed"}); ≤ 1.5 GB: ${f(big.analyze.peakMB)} MB (${big.analyze.peakMB <= 1536 ? "met" : "missed"}).`,
  );
writeFileSync(out, `${lines.join("\n")}\n`);
log(`wrote ${out}`);
