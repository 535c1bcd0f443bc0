#!/usr/bin/env node
// The CLI runs the compiled library (dist/), built by `npm install` (the `prepare` script) or `npm run build`.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";

const main = new URL("../dist/src/cli/main.js", import.meta.url);
if (!existsSync(main)) {
  process.stderr.write(
    "chokepoint: not built yet; run `npm install` (or `npm run build`) in the package folder\n",
  );
  process.exit(2);
}

// Graphs of 10^6 nodes need more than V8's default old space (~4 GB here): with the default limit a 1M-node
// analyze spends most of its time in garbage collection (tests/bench/results/analyze.md). Re-run once with a
// larger heap and young generation unless the caller chose their own (NODE_OPTIONS or node flags).
const flags = `${process.env.NODE_OPTIONS ?? ""} ${process.execArgv.join(" ")}`;
if (!/max-old-space-size/.test(flags) && process.env.CHOKEPOINT_CHILD !== "1") {
  const child = spawn(
    process.execPath,
    [
      "--max-old-space-size=8192",
      "--max-semi-space-size=64",
      ...process.execArgv,
      process.argv[1],
      ...process.argv.slice(2),
    ],
    { stdio: "inherit", env: { ...process.env, CHOKEPOINT_CHILD: "1" } },
  );
  // Killing `chokepoint` must stop the work: pass every terminating signal on to the child (which then stops
  // before writing anything), and end the same way it ended. Only SIGKILL cannot be passed on.
  const SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP", "SIGQUIT"];
  const forward = (signal) => child.kill(signal);
  for (const signal of SIGNALS) process.on(signal, forward);
  child.on("error", (e) => {
    process.stderr.write(`chokepoint: cannot start node (${e.code ?? e.message})\n`);
    process.exit(3);
  });
  child.on("exit", (code, signal) => {
    for (const s of SIGNALS) process.off(s, forward);
    if (signal) process.kill(process.pid, signal);
    else process.exit(code ?? 3);
  });
} else {
  try {
    const { runProcess } = await import(main.href);
    process.exitCode = await runProcess(process.argv.slice(2));
  } catch (e) {
    // runProcess never throws; this is a broken build (dist/ out of date or half-written)
    process.stderr.write(`chokepoint: cannot start: ${e?.message?.split("\n")[0] ?? e}\n`);
    process.exitCode = 3;
  }
}
