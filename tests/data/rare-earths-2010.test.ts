/**
 * Pins the bundled September-2010 graph to the published record, and checks that ids mean the same entity in
 * both years (comparisons between years match by id).
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { concentrationReport } from "../../src/analysis/concentration.js";
import { loadGraph } from "../../src/io/load-graph.js";

const path = (year: number) =>
  fileURLToPath(new URL(`../../graphs/rare-earths-${year}.json`, import.meta.url));
const g2010 = loadGraph(path(2010));
const g2025 = loadGraph(path(2025));
const report = concentrationReport(g2010, { includePlanned: false });
const raw = JSON.parse(readFileSync(path(2010), "utf8")) as {
  nodes: Array<{ key: string; attributes: Record<string, unknown> }>;
  edges: Array<{ key: string; attributes: Record<string, unknown> }>;
};

const share = (stage: string, country: string) => report.stages[stage]?.shares[country] ?? 0;

describe("rare-earths-2010.json: file and provenance", () => {
  it("loads through loadGraph with the same stages and import stages as 2025", () => {
    expect(g2010.getAttribute("year")).toBe(2010);
    expect(g2010.getAttribute("stages")).toEqual(g2025.getAttribute("stages"));
    expect(g2010.getAttribute("importStages")).toEqual(["refinery", "metal"]);
  });

  it("gives every node and edge sources, and every node notes", () => {
    for (const n of raw.nodes) {
      expect((n.attributes.sources as string[] | undefined)?.length ?? 0, n.key).toBeGreaterThan(0);
      expect(String(n.attributes.notes ?? "").length, n.key).toBeGreaterThan(10);
    }
    for (const e of raw.edges)
      expect((e.attributes.sources as string[] | undefined)?.length ?? 0, e.key).toBeGreaterThan(0);
  });
});

describe("rare-earths-2010.json: the network of September 2010", () => {
  it("has no operating Lynas Malaysia and an idle Mountain Pass", () => {
    expect(g2010.getNodeAttribute("lynas-lamp-ndpr", "status")).toBe("construction");
    expect(g2010.getNodeAttribute("lynas-mount-weld", "status")).toBe("construction");
    expect(g2010.getNodeAttribute("mp-mountain-pass-mine", "status")).toBe("idle");
    expect(g2010.hasNode("lynas-lamp-hre")).toBe(false);
  });

  it("has no heavy-rare-earth-free magnets: every operating magnet maker needs Dy/Tb", () => {
    g2010.forEachNode((id, a) => {
      if (a.stage !== "magnet" || a.status !== "operating") return;
      expect(Object.keys(a.recipe ?? {}), id).toContain("DyTb-metal");
    });
    expect(g2010.hasNode("daido-electronics")).toBe(false);
  });

  it("China's share of mine output is ≈97% (USGS: 130,000 of ≈133,600 t in 2010)", () => {
    expect(share("mine", "CN")).toBeGreaterThanOrEqual(0.95);
    expect(share("mine", "CN")).toBeLessThanOrEqual(0.99);
  });

  it("magnet output splits China 79.4%, Japan 19.3%, Europe 1.3% of 98,200 t (China.org.cn 2013)", () => {
    expect(report.stages.magnet?.output).toBeCloseTo(98_200, -2);
    expect(share("magnet", "CN")).toBeCloseTo(0.794, 2);
    expect(share("magnet", "JP")).toBeCloseTo(0.193, 2);
    expect(share("magnet", "DE")).toBeCloseTo(0.013, 2);
  });

  it("Japan's imports from China are 85-95% (≈20,000 of ≈23,300 t in 2010, METI/Nikkei; '≈90%', N09)", () => {
    // 2011 imports were 15,400 t, 34% below 2010 (S08), so 2010 ≈ 23,300 t, of which ≈20,000 t from China (S07).
    const cn = report.imports.JP?.shares.CN ?? 0;
    expect(cn).toBeGreaterThanOrEqual(0.85);
    expect(cn).toBeLessThanOrEqual(0.95);
  });
});

describe("ids across years", () => {
  it("uses the same ids for the same entities in 2010 and 2025", () => {
    for (const id of [
      "toyota",
      "honda",
      "nissan",
      "suzuki",
      "gm",
      "cnre-bayan-obo",
      "cn-ionic-clay-mines-aggregate",
      "mp-mountain-pass-mine",
      "lynas-mount-weld",
      "lynas-lamp-ndpr",
      "proterial-japan",
      "shin-etsu-takefu",
      "tdk-japan",
      "zksh",
      "vac-hanau",
      "jogmec-stockpile-ndpr",
    ]) {
      expect(g2010.hasNode(id), id).toBe(true);
      expect(g2025.hasNode(id), id).toBe(true);
    }
  });

  it("keeps stage and country of every id present in both years", () => {
    g2010.forEachNode((id, a) => {
      if (!g2025.hasNode(id)) return;
      const b = g2025.getNodeAttributes(id);
      expect([b.stage, b.country], id).toEqual([a.stage, a.country]);
    });
  });
});
