import { describe, expect, it } from "vitest";
import { bundledLeverNames, loadLever } from "../../src/io/load-lever.js";
import { loadGraph } from "../../src/io/load-graph.js";
import { bundledGraphPath } from "../../src/io/bundled.js";
import { applyLever, applyLevers } from "../../src/levers/apply-lever.js";

const graph = loadGraph(bundledGraphPath(2025));

describe("bundled levers on the 2025 graph", () => {
  it("one lever per pillar", () => {
    expect(bundledLeverNames()).toEqual([
      "alternative-technology",
      "diversification",
      "recycling",
      "stockpile",
    ]);
    for (const name of bundledLeverNames()) expect(loadLever(name).pillar).toBe(name);
  });

  it("diversification cuts exactly the non-Chinese supply into Japan and its Vietnamese metal makers", () => {
    const c = applyLever(graph, loadLever("diversification")).changes[0]!;
    expect(c.cutEdges).toEqual([
      "lynas-lamp-hre->jp-dytb-metal-makers-aggregate",
      "lynas-lamp-lace->jp-catalysts",
      "lynas-lamp-ndpr->jp-metal-alloy-makers-aggregate",
      "lynas-lamp-ndpr->vn-metal-alloy-makers-aggregate",
      "mp-mountain-pass-separation->jp-metal-alloy-makers-aggregate",
      "mp-mountain-pass-separation->vn-metal-alloy-makers-aggregate",
      "toyotsu-india-lree->jp-re-compound-processors-aggregate",
      "toyotsu-rare-earths-india->jp-metal-alloy-makers-aggregate",
    ]);
    expect(c.removedNodes).toEqual([]);
    expect(c.editedNodes).toEqual([]);
    expect(c.addedEdges).toEqual([]);
  });

  it("alternative technology edits exactly the three makers' recipes and adds Daido's Dy/Tb supplier", () => {
    const c = applyLever(graph, loadLever("alternative-technology")).changes[0]!;
    expect(c.editedNodes.map((n) => [n.id, n.changes.map((x) => x.attribute)])).toEqual([
      ["daido-electronics", ["recipe"]],
      ["intermetallics-japan", ["recipe"]],
      ["shin-etsu-takefu", ["recipe"]],
    ]);
    expect(c.editedNodes[0]!.changes[0]).toEqual({
      attribute: "recipe",
      before: { "NdPr-metal": 0.3 },
      after: { "NdPr-metal": 0.3, "DyTb-metal": 0.025 },
    });
    expect(c.addedEdges).toEqual(["jp-dytb-metal-makers-aggregate->daido-electronics"]);
    expect(c.cutEdges).toEqual([]);
    expect(c.removedNodes).toEqual([]);
  });

  it("stockpile empties exactly JOGMEC's two piles and every Japanese consumer's private stock", () => {
    const c = applyLever(graph, loadLever("stockpile")).changes[0]!;
    expect(c.editedNodes.map((n) => n.id)).toEqual([
      "honda",
      "japan-other-industry",
      "jogmec-stockpile-dytb",
      "jogmec-stockpile-ndpr",
      "jp-catalysts",
      "jp-ceramics-phosphors",
      "jp-gd-users",
      "jp-nimh-batteries",
      "jp-polishing-glass",
      "jp-smco-users",
      "nissan",
      "suzuki",
      "toyota",
    ]);
    for (const n of c.editedNodes) expect(n.changes.every((x) => x.after === 0)).toBe(true);
  });

  it("recycling removes exactly Shin-Etsu's Vietnamese recycling feed", () => {
    const c = applyLever(graph, loadLever("recycling")).changes[0]!;
    expect(c.removedNodes).toEqual(["shin-etsu-smmv-recycling"]);
    expect(c.cutEdges).toEqual([]);
    expect(c.editedNodes).toEqual([]);
  });

  it("all four compose, and the input graph is untouched", () => {
    const before = JSON.stringify(graph.export());
    const all = applyLevers(graph, bundledLeverNames().map(loadLever));
    expect(all.changes).toHaveLength(4);
    expect(JSON.stringify(graph.export())).toBe(before);
  });
});
