#!/usr/bin/env node
/**
 * `npm run fuzz`: 100,000 generated inputs per reader and option parser (tests/fuzz/_targets.ts), each of
 * which must load or fail with a typed ChokepointError. Runs the fuzz test file under vitest with FUZZ_RUNS,
 * then writes tests/bench/results/fuzz.md and fuzz.json (runs, outcomes and time per target, the seed).
 * A failure prints fast-check's shrunk counterexample and its seed; add the input to tests/fuzz/corpus/.
 *
 * Usage: node tests/bench/fuzz.mjs [--runs 100000] [--seed N] [--targets "json graph|gexf"]
 *        [--out tests/bench/results/fuzz.md]
 * The report file is rewritten after each target, so a stopped run keeps the targets it finished
 * (`--report FILE` to choose it; the Markdown is written at the end).
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
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
const runs = Number(arg("runs", "100000"));
const seed = Number(arg("seed", String(Date.now() % 2 ** 31)));
const out = arg("out", join(here, "results", "fuzz.md"));
const reportFile = arg("report", join(os.tmpdir(), `chokepoint-fuzz-${process.pid}.json`));
const targets = arg("targets", undefined);

const started = Date.now();
const result = spawnSync(
  process.execPath,
  [
    join(root, "node_modules", "vitest", "vitest.mjs"),
    "run",
    "tests/fuzz/fuzz.test.ts",
    "--project",
    "unit",
    "--reporter",
    "verbose",
  ],
  {
    cwd: root,
    stdio: "inherit",
    env: {
      ...process.env,
      FUZZ_RUNS: String(runs),
      FUZZ_SEED: String(seed),
      FUZZ_REPORT: reportFile,
      ...(targets ? { FUZZ_TARGETS: targets } : {}),
    },
  },
);
if (result.status !== 0) {
  process.stderr.write(`fuzz: a target failed (seed ${seed}); see fast-check's counterexample above\n`);
  process.exit(1);
}
const report = JSON.parse(readFileSync(reportFile, "utf8"));
const rows = Object.entries(report).map(
  ([name, r]) =>
    `| ${name} | ${r.runs.toLocaleString("en")} | ${r.outcomes.loaded.toLocaleString("en")} | ${r.outcomes.problems.toLocaleString("en")} | ${r.outcomes["typed error"].toLocaleString("en")} | 0 | ${(r.ms / 1000).toFixed(1)} |`,
);
const md = `# Fuzz run

${new Date().toISOString().slice(0, 10)}, seed ${seed}, ${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? "?"}), Node ${process.version}; ${((Date.now() - started) / 60000).toFixed(1)} min in all.
Each input is a mutation of a valid seed file (tests/fuzz/_targets.ts) or random bytes; it must load, be refused
with problems, or throw a typed \`ChokepointError\`. "untyped" counts any other exception (the run fails on the first).

| target | inputs | loaded | refused (problems) | refused (typed error) | untyped | seconds |
|---|---:|---:|---:|---:|---:|---:|
${rows.join("\n")}
`;
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, md);
writeFileSync(out.replace(/\.md$/, ".json"), `${JSON.stringify({ seed, runs, report }, null, 2)}\n`);
process.stdout.write(`${md}\nwrote ${out}\n`);
