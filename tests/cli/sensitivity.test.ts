import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../_helpers/cli.js";
import { serializedFromText } from "../_helpers/graph-from-text.js";

const dir = mkdtempSync(join(tmpdir(), "chokepoint-sensitivity-"));
const file = join(dir, "g.json");
writeFileSync(
  file,
  JSON.stringify(
    serializedFromText(`
      a [mine AU output=ore capacity=60]
      r [refinery JP output=ox capacity=80(50..100) recipe=ore:1]
      jp [consumer JP demand=100]
      a -> r volume=60
      r -> jp volume=60
    `),
  ),
);
const BASE = ["sensitivity", file, "--scale", "node=a:1", "--threads", "1"];

describe("chokepoint sensitivity", () => {
  it("prints {metric, inputs: [{id, attribute, low, high, swing}]} sorted by swing", async () => {
    const r = await runCli([
      ...BASE,
      "--uncertainty",
      "stage=mine:capacity:0.5",
      "--samples",
      "0",
      "--format",
      "json",
    ]);
    expect(r.code, r.stderr).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.metric).toBe("served:JP");
    expect(
      json.inputs.map((x: Record<string, unknown>) => [x.id, x.attribute, x.low, x.high, x.swing]),
    ).toEqual([
      ["a", "capacity", 0.3, 0.8, 0.5],
      ["r", "capacity", 0.5, 0.6, 0.1],
    ]);
    expect(json.inputs[0].origin).toBe("scenario");
  });

  it("writes a Markdown report with a Vega-Lite tornado chart beside it", async () => {
    const out = join(dir, "s.md");
    const r = await runCli([...BASE, "--samples", "20", "--format", "md", "--out", out]);
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(out, "utf8")).toContain("](s-tornado.svg)");
    expect(existsSync(join(dir, "s-tornado.svg"))).toBe(true);
    expect(readFileSync(join(dir, "s-tornado.svg"), "utf8")).toContain("<svg");
  });

  it("refuses a bad metric with exit 2", async () => {
    const r = await runCli([...BASE, "--metric", "served:XX", "--samples", "0"]);
    expect(r.code).toBe(2);
  });
});
