import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../_helpers/cli.js";
import { serializedFromText } from "../_helpers/graph-from-text.js";

const dir = mkdtempSync(join(tmpdir(), "chokepoint-validate-"));
const good = join(dir, "good.json");
const bad = join(dir, "bad.json");
writeFileSync(
  good,
  JSON.stringify(serializedFromText("mine [mine CN output=ore]\ncar [consumer JP demand=1]\nmine -> car")),
);
const badData = serializedFromText(
  "mine [mine CN output=ore capacity=-3]\ncar [consumer XX demand=1]\nmine -> car",
) as Record<string, any>;
badData.edges.push({ source: "mine", target: "ghost" });
writeFileSync(bad, JSON.stringify(badData));

describe("chokepoint validate", () => {
  it("exits 0 on a valid file and says so", async () => {
    const r = await runCli(["validate", good]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("valid (2 nodes, 1 edges");
  });

  it("exits 2 and prints every problem as file: path: message", async () => {
    const r = await runCli(["validate", bad]);
    expect(r.code).toBe(2);
    const lines = r.stderr.trim().split("\n");
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(
      new RegExp(`^${bad.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}: /nodes/0/attributes/capacity: `),
    );
    expect(r.stderr).toContain("[E_DANGLING_EDGE]");
  });

  it("checks several files and fails when any is bad", async () => {
    expect((await runCli(["validate", good, bad])).code).toBe(2);
  });

  it("exits 2 on a missing argument (usage)", async () => {
    expect((await runCli(["validate"])).code).toBe(2);
  });
});

describe("chokepoint --help", () => {
  it("lists every command, and each command's options with their defaults", async () => {
    const top = await runCli(["--help"]);
    expect(top.code).toBe(0);
    expect(top.stdout).toMatch(/summary/);
    expect(top.stdout).toMatch(/validate/);
    const sub = await runCli(["summary", "--help"]);
    expect(sub.code).toBe(0);
    expect(sub.stdout).toMatch(/default:\s+"text"/);
  });

  it("exits 2 on an unknown command or option", async () => {
    expect((await runCli(["frobnicate"])).code).toBe(2);
    expect((await runCli(["summary", "--no-such-option"])).code).toBe(2);
  });
});

describe("chokepoint validate on a file over 128 MiB (checked while read in chunks, no graph built)", () => {
  // JSON allows any amount of white space: a small graph padded past the streaming threshold takes that path
  const padded = (file: string, json: string) => {
    const path = join(dir, file);
    writeFileSync(path, Buffer.concat([Buffer.from(json), Buffer.alloc(129 * 2 ** 20, 0x20)]));
    return path;
  };
  const bigGood = padded("big-good.json", readFileSync(good, "utf8"));
  const bigBad = padded("big-bad.json", readFileSync(bad, "utf8"));

  it("says valid with the same counts", async () => {
    const r = await runCli(["validate", bigGood]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("valid (2 nodes, 1 edges");
  });

  it("lists the same problems as for the small file", async () => {
    const small = await runCli(["validate", bad]);
    const big = await runCli(["validate", bigBad]);
    expect(big.code).toBe(2);
    expect(big.stderr.replaceAll(bigBad, "F")).toBe(small.stderr.replaceAll(bad, "F"));
  });
});
