/**
 * Catalogue, the process: killing `chokepoint` stops the work (bin/chokepoint.js runs the command in a child
 * process for its larger heap, and passes signals on), and an error that is not ours is one line naming the
 * command (the stack only with --debug), never a stack trace or 170 KB of minified solver source.
 */
import { execFileSync, spawn } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { runCli } from "../_helpers/cli.js";
import { BIN, oneLine, runBin, save, smallGraph, snapshot, tempDir } from "./_helpers.js";

const crash = vi.hoisted(() => ({ on: false }));
vi.mock("../../src/analysis/analyze.js", async (importOriginal) => {
  const real = await importOriginal<typeof import("../../src/analysis/analyze.js")>();
  return {
    ...real,
    analyze: (...args: Parameters<typeof real.analyze>) => {
      if (crash.on) throw new TypeError("Cannot read properties of undefined (reading 'x')");
      return real.analyze(...args);
    },
  };
});

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function childrenOf(pid: number): number[] {
  try {
    return execFileSync("pgrep", ["-P", String(pid)], { encoding: "utf8" })
      .split("\n")
      .filter(Boolean)
      .map(Number);
  } catch {
    return [];
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("robustness: the process", () => {
  it("P1 SIGTERM to chokepoint stops its worker process too (no orphan left to write later)", async () => {
    const dir = tempDir();
    const fifo = join(dir, "wait.json");
    execFileSync("mkfifo", [fifo]); // a FIFO nobody writes to: the command waits on it
    const parent = spawn(process.execPath, [BIN, "validate", fifo], { stdio: "ignore" });
    let kids: number[] = [];
    for (let i = 0; i < 50 && kids.length === 0; i++) {
      await sleep(100);
      kids = childrenOf(parent.pid!);
    }
    expect(kids.length).toBe(1);
    const exited = new Promise<NodeJS.Signals | null>((r) => parent.on("exit", (_c, s) => r(s)));
    parent.kill("SIGTERM");
    expect(await exited).toBe("SIGTERM");
    for (let i = 0; i < 20 && alive(kids[0]!); i++) await sleep(100);
    const orphan = alive(kids[0]!);
    if (orphan) process.kill(kids[0]!, "SIGKILL");
    expect(orphan).toBe(false);
  });

  it("P2 an internal error prints one line naming the command, exit 3; --debug adds the stack", async () => {
    const dir = tempDir();
    const graph = save(dir, "g.json", smallGraph());
    const before = snapshot(dir);
    crash.on = true;
    try {
      const r = await runCli(["analyze", graph, "--out", join(dir, "r.txt")]);
      expect(r.code).toBe(3);
      expect(oneLine(r.stderr)).toBe(true);
      expect(r.stderr).toMatch(/^chokepoint analyze: /);
      const d = await runCli(["analyze", graph, "--debug"]);
      expect(d.code).toBe(3);
      expect(d.stderr).toMatch(/\n\s+at /);
    } finally {
      crash.on = false;
    }
    expect(snapshot(dir)).toEqual(before);
  });

  it("P3 recipe amounts of 1e15 give a typed error (E_FLOW_SOLVE) in one line, not the solver's source", async () => {
    const dir = tempDir();
    const g = smallGraph();
    for (const n of g.nodes) {
      const recipe = (n.attributes as { recipe?: Record<string, number> }).recipe;
      if (recipe) for (const k of Object.keys(recipe)) recipe[k] = 1e15;
    }
    const graph = save(dir, "g.json", g);
    const before = snapshot(dir);
    for (const command of ["flow", "analyze"]) {
      const r = await runBin([command, graph, ...(command === "analyze" ? ["--flow"] : [])]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain("[E_FLOW_SOLVE]");
      expect(r.stderr.length).toBeLessThan(1000);
    }
    expect(snapshot(dir)).toEqual(before);
  });
});
