import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../_helpers/cli.js";
import { serializedFromText } from "../_helpers/graph-from-text.js";

const dir = mkdtempSync(join(tmpdir(), "chokepoint-levers-samples-"));
const write = (name: string, value: unknown) => {
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify(value));
  return path;
};
// Diversification (Malaysia) adds 8(4..9) t to Japan, recycling 2 t: diversification ranks first in every sample.
const file = write(
  "g.json",
  serializedFromText(`
    my-ref [refinery MY output=ox capacity=8(4..9)]
    recycler [recycling JP output=ox capacity=2]
    jp-mag [magnet JP output=mag recipe=ox:1]
    car [consumer JP demand=20]
    my-ref -> jp-mag volume=8
    recycler -> jp-mag volume=2
    jp-mag -> car volume=10
  `),
);
const none = write("none.json", { name: "none" });
const div = write("div.json", { name: "div", pillar: "diversification", cut: [{ from: "MY", to: "JP" }] });
const rec = write("rec.json", { name: "rec", pillar: "recycling", remove: [{ stage: "recycling" }] });
const BASE = [
  "levers",
  file,
  "--scenario",
  none,
  "--levers",
  `${div},${rec}`,
  "--mirror",
  "none",
  "--projects",
  "none",
];

describe("chokepoint levers --samples", () => {
  it("adds how often each pillar ranks first, in text and JSON", async () => {
    const r = await runCli([...BASE, "--samples", "20", "--threads", "1", "--format", "json"]);
    expect(r.code, r.stderr).toBe(0);
    const { uncertainty } = JSON.parse(r.stdout);
    expect(uncertainty.samples).toEqual({ n: 20, seed: 1 });
    expect(uncertainty.levers.map((l: { lever: string; first: number }) => [l.lever, l.first])).toEqual([
      ["div", 1],
      ["rec", 0],
    ]);
    expect(uncertainty.levers[1].marginal).toEqual({ p05: 0.1, p50: 0.1, p95: 0.1 });
    const text = await runCli([...BASE, "--samples", "20", "--threads", "1"]);
    expect(text.stdout).toContain("ranks first");
    expect(text.stdout).toMatch(/diversification .*100\.0%/);
  });
});
