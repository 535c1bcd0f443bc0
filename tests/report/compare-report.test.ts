import { describe, expect, it } from "vitest";
import { compareResilience } from "../../src/compare/compare.js";
import { comparisonTables, formatComparison } from "../../src/report/compare.js";
import { graphFromText } from "../_helpers/graph-from-text.js";

const graph = graphFromText(
  `
  cn [mine CN output=ox capacity=100]
  au [mine AU output=ox capacity=10]
  car [consumer JP demand=20 valuePerYear=100]
  cn -> car volume=10
  au -> car volume=10
`,
  { year: 2025, currency: "USD" },
);

describe("compare report", () => {
  it("every row has a cell per column, with one column and with several", async () => {
    const one = await compareResilience([{ graph, file: "g.json", scenario: { name: "baseline" } }], ["JP"], {
      robustness: false,
    });
    const two = await compareResilience(
      [
        { graph, file: "g.json", scenario: { name: "baseline" } },
        { graph, file: "g.json", scenario: { name: "no-china", remove: [{ country: "CN" }] } },
      ],
      ["JP"],
      { robustness: false },
    );
    for (const c of [one, two])
      for (const t of comparisonTables(c))
        for (const row of t.rows) expect(row).toHaveLength(t.columns.length);
    const text = (await formatComparison(two, "text")).text;
    expect(text).toContain("-50.0 pp");
    const md = await formatComparison(two, "md", "x");
    expect(md.text).toContain("](x-served.svg)");
    expect(md.charts.map((c) => c.name)).toEqual(["served"]); // no attack curve without robustness
  });
});
