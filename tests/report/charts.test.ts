import { describe, expect, it } from "vitest";
import {
  groupedBarSpec,
  horizontalBarSpec,
  lineSpec,
  provenanceLine,
  renderSvg,
} from "../../src/report/charts.js";

const provenance = { dataFile: "rare-earths-2025.json", scenario: "no-china", date: "2025" };

describe("charts", () => {
  it("a grouped bar chart has its title, axis titles and provenance line in the SVG", async () => {
    const svg = await renderSvg(
      groupedBarSpec(
        [
          { group: "JP", series: "max-total", value: 0.4 },
          { group: "US", series: "max-total", value: 0.2 },
          { group: "JP", series: "proportional", value: 0.3 },
        ],
        {
          title: "Served demand by country",
          xTitle: "country (ISO code)",
          yTitle: "served demand (% of demand)",
          seriesTitle: "objective",
          percent: true,
        },
        provenance,
      ),
    );
    expect(svg.startsWith("<svg")).toBe(true);
    for (const text of [
      "Served demand by country",
      "country (ISO code)",
      "served demand (% of demand)",
      "rare-earths-2025.json",
      "no-china",
    ])
      expect(svg).toContain(text);
  });

  it("line and horizontal bar charts carry their titles", async () => {
    const line = await renderSvg(
      lineSpec(
        [
          { series: "by betweenness", x: 0, y: 1 },
          { series: "by betweenness", x: 1, y: 0.5 },
        ],
        {
          title: "Attack curve",
          xTitle: "nodes removed (count)",
          yTitle: "demand still supplied (%)",
          seriesTitle: "order",
          percent: true,
        },
        provenance,
      ),
    );
    expect(line).toContain("Attack curve");
    expect(line).toContain("nodes removed (count)");
    const bars = await renderSvg(
      horizontalBarSpec(
        [{ group: "stockpile", series: "taken away alone", value: -0.1 }],
        {
          title: "Levers",
          xTitle: "change in served demand (percentage points)",
          yTitle: "pillar",
          seriesTitle: "case",
        },
        provenance,
      ),
    );
    expect(bars).toContain("change in served demand (percentage points)");
    expect(bars).toContain("stockpile");
  });

  it("renders the same bytes twice (deterministic)", async () => {
    const spec = groupedBarSpec(
      [{ group: "JP", series: "a", value: 1 }],
      { title: "t", xTitle: "x", yTitle: "y", seriesTitle: "s" },
      provenance,
    );
    expect(await renderSvg(spec)).toBe(await renderSvg(spec));
    expect(provenanceLine(provenance)).toContain("2025");
  });
});
