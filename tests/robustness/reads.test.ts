/**
 * Catalogue, reading: every reader bounds what it reads from a non-regular file, reads a pipe once, and gives
 * a typed error for a path that is a folder. These run the CLI as a process: on failure the old behaviour
 * hangs or grows past 4 GB, which the time limit turns into a failed test instead of a stuck run.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../_helpers/cli.js";
import { oneLine, runBin, save, smallGraph, snapshot, tempDir } from "./_helpers.js";

describe("robustness: reading", () => {
  it("R1 /dev/zero as a graph stops at once with E_ENCODING (binary data), exit 2", async () => {
    const r = await runBin(["validate", "/dev/zero"], { timeoutMs: 20_000 });
    expect(r.timedOut).toBe(false);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("E_ENCODING");
  });

  it("R2 a FIFO with no writer is refused (E_EMPTY_FILE) instead of hanging", async () => {
    const dir = tempDir();
    const fifo = join(dir, "g.json");
    execFileSync("mkfifo", [fifo]);
    const r = await runBin(["validate", fifo], { timeoutMs: 20_000 });
    expect(r.timedOut).toBe(false);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("E_EMPTY_FILE");
  });

  it("R3 /dev/stdin and <(cat g.json) are read once: analyze gives the same report as on the file", async () => {
    const dir = tempDir();
    const graph = save(dir, "g.json", smallGraph());
    const expected = await runBin(["analyze", graph, "--format", "json"]);
    expect(expected.code).toBe(0);
    const viaStdin = await runBin(["analyze", "/dev/stdin", "--format", "json"], {
      input: readFileSync(graph, "utf8"),
    });
    expect(viaStdin.stderr).toBe("");
    expect(viaStdin.code).toBe(0);
    const strip = (s: string) => s.replace(/"file": "[^"]*"/g, '"file": ""');
    expect(strip(viaStdin.stdout)).toBe(strip(expected.stdout));
    const bin = join(import.meta.dirname, "..", "..", "bin", "chokepoint.js");
    const viaSubst = await runBin([], { shell: `node "${bin}" analyze <(cat "${graph}") --format json` });
    expect(viaSubst.code).toBe(0);
    expect(strip(viaSubst.stdout)).toBe(strip(expected.stdout));
  });

  it("R4 a scenario path that is a folder named *.json gives E_SCENARIO_FILE, not an EISDIR trace", async () => {
    const dir = tempDir();
    const graph = save(dir, "g.json", smallGraph());
    mkdirSync(join(dir, "s.json"));
    const before = snapshot(dir);
    const r = await runCli(["analyze", graph, "--scenario", join(dir, "s.json")]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("[E_SCENARIO_FILE]");
    expect(oneLine(r.stderr)).toBe(true);
    expect(snapshot(dir)).toEqual(before);
  });
});
