#!/usr/bin/env node
/**
 * Part of `npm run bench`: Parquet input at 10^4-10^6 nodes. For each generated graph: convert its JSON to a
 * Parquet folder (`chokepoint convert --to parquet`, once), then load it into the integer view in a child
 * (tests/bench/parquet-child.mjs: read + decode + validate + build the view; and hyparquet's decode alone), and
 * run `chokepoint analyze <folder> --no-flow --format json --out` end to end under /usr/bin/time (wall, CPU,
 * peak RSS). Targets (issue 17): a 10^6-node graph loads in ≤ 3 s; analyze --no-flow from Parquet ≤ 20 s wall
 * and ≤ 1.5 GB. Writes tests/bench/results/parquet.md and parquet.json.
 * Usage: node tests/bench/parquet.mjs [--sizes 10000,100000,1000000] [--work DIR]
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, statSync, writeFileSync, readdirSync } from "node:fs";
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
const seed = 42;
const out = join(here, "results", "parquet.md");
const log = (s) => process.stderr.write(`${s}\n`);
const machine = {
  date: new Date().toISOString(),
  cpu: `${os.cpus()[0]?.model ?? "unknown"} × ${os.cpus().length}`,
  node: process.version,
  load: os.loadavg().map((x) => x.toFixed(1)),
};
const timed = (args) => {
  const r = spawnSync("/usr/bin/time", ["-f", "%e %U %S %M", process.execPath, ...args], {
    cwd: root,
    encoding: "utf8",
    maxBuffer: 1 << 26,
  });
  const [wall, user, sys, kb] = r.stderr.trim().split("\n").pop().split(" ").map(Number);
  return r.status === 0
    ? { wall, cpu: user + sys, peakMB: kb / 1024, stdout: r.stdout }
    : { error: r.stderr.slice(-500) };
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
  const row = { nodes: n };
  if (!existsSync(join(pq, "edges.parquet"))) {
    log(`parquet ${n}: convert`);
    row.convert = timed([
      "--max-old-space-size=12000",
      "bin/chokepoint.js",
      "convert",
      graph,
      pq,
      "--to",
      "parquet",
      "--quiet",
    ]);
    delete row.convert.stdout;
  }
  row.jsonMB = statSync(graph).size / 2 ** 20;
  row.parquetMB = readdirSync(pq).reduce((t, f) => t + statSync(join(pq, f)).size, 0) / 2 ** 20;
  log(`parquet ${n}: load`);
  const load = timed([join(here, "parquet-child.mjs"), pq]);
  row.load = load.error ? load : { ...JSON.parse(load.stdout.trim().split("\n").pop()), peakMB: load.peakMB };
  log(`parquet ${n}: analyze --no-flow`);
  row.analyze = timed([
    "bin/chokepoint.js",
    "analyze",
    pq,
    "--no-flow",
    "--format",
    "json",
    "--out",
    join(dir, "report-parquet.json"),
  ]);
  delete row.analyze.stdout;
  rows.push(row);
}
writeFileSync(out.replace(/\.md$/, ".json"), `${JSON.stringify({ machine, rows }, null, 2)}\n`);
const f = (x) => (x === undefined ? "" : x >= 10 ? x.toFixed(1) : x.toPrecision(3));
const label = (n) => (n >= 1e6 ? `${n / 1e6}M` : `${n / 1e3}k`);
const lines = [
  "# Parquet input",
  "",
  `Measured ${machine.date.slice(0, 16).replace("T", " ")} UTC by \`node tests/bench/parquet.mjs\` on ${machine.cpu}, Node.js ${machine.node}; load average at start ${machine.load.join(" / ")} (a shared machine: wall time includes waiting for a core, CPU time does not). Graphs: \`chokepoint generate --nodes N --seed 42\`, converted with \`chokepoint convert graph.json parquet/ --to parquet\` (hyparquet-writer, snappy). Load = read, decode (hyparquet), validate and build the integer view, as \`analyze\` does; decode = hyparquet alone on the two tables.`,
  "",
  "| nodes | JSON MB | Parquet MB | load wall s | load CPU s | decode CPU s | load peak MB | analyze --no-flow wall s | CPU s | peak MB |",
  "|---|---|---|---|---|---|---|---|---|---|",
];
for (const r of rows) {
  const l = r.load;
  const a = r.analyze;
  lines.push(
    `| ${label(r.nodes)} | ${f(r.jsonMB)} | ${f(r.parquetMB)} | ${f(l.load)} | ${f(l.loadCpu)} | ${f(l.decodeCpu)} | ${f(l.peakMB)} | ${f(a.wall)} | ${f(a.cpu)} | ${f(a.peakMB)} |`,
  );
}
const big = rows.find((r) => r.nodes === 1e6);
if (big && !big.load.error && !big.analyze.error)
  lines.push(
    "",
    "## Targets at 10^6 nodes (issue 17, item 3)",
    "",
    `- Load ≤ 3 s: ${f(big.load.load)} s wall, ${f(big.load.loadCpu)} s CPU (${big.load.load <= 3 ? "met" : "missed"}).`,
    `- analyze --no-flow from Parquet ≤ 20 s wall: ${f(big.analyze.wall)} s (${big.analyze.wall <= 20 ? "met" : "missed"}); ≤ 1.5 GB: ${f(big.analyze.peakMB)} MB (${big.analyze.peakMB <= 1536 ? "met" : "missed"}).`,
  );
writeFileSync(out, `${lines.join("\n")}\n`);
log(`wrote ${out}`);
