import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

const read = (path: string) => readFileSync(new URL(`../${path}`, import.meta.url), "utf8");

describe("README performance section", () => {
  it("quotes every row of the measured targets list (tests/bench/results/targets.md) as it is", () => {
    const rows = read("tests/bench/results/targets.md")
      .split("\n")
      .filter((line) => line.startsWith("| ") && !line.startsWith("| area"));
    expect(rows.length).toBeGreaterThan(10);
    const readme = read("README.md");
    const section = readme.slice(readme.indexOf("## Performance"));
    for (const row of rows) expect(section).toContain(row);
  });
});
