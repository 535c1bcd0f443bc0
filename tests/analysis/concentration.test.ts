import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { concentrationReport } from "../../src/analysis/concentration.js";
import { buildCsr } from "../../src/model/csr.js";
import { readGraphFile } from "../../src/io/read-graph-file.js";
import { readGraphTable } from "../../src/io/read-graph-table.js";
import { graphFromText, serializedFromText } from "../_helpers/graph-from-text.js";

describe("concentrationReport", () => {
  it("reports an empty graph without failing", () => {
    const r = concentrationReport(graphFromText(""));
    expect(r.stages.mine).toEqual({ output: 0, shares: {}, hhi: 0, top3: 0 });
    expect(r.imports).toEqual({});
  });

  it("computes shares, HHI, top-3 and imports on a hand-checked graph", () => {
    const g = graphFromText(`
      m1 [mine CN output=ore]
      m2 [mine US output=ore capacity=20]
      m3 [mine AU output=ore]
      m4 [mine MM output=ore]
      r1 [refinery CN output=ox]
      r2 [refinery MY output=ox status=planned]
      car [consumer JP demand=10]
      m1 -> r1 volume=60
      m3 -> r1 volume=10
      m4 -> r1 volume=10
      m3 -> r2 volume=5
      r1 -> car volume=10
      r2 -> car volume=5
    `);
    const r = concentrationReport(g);
    // m2 ships nothing, so its capacity counts; r2 is planned and excluded with its edges.
    expect(r.stages.mine?.output).toBe(100);
    expect(r.stages.mine?.shares).toEqual({ AU: 0.1, CN: 0.6, MM: 0.1, US: 0.2 });
    expect(r.stages.mine?.hhi).toBeCloseTo(3600 + 400 + 100 + 100);
    expect(r.stages.mine?.top3).toBeCloseTo(0.9);
    expect(r.imports).toEqual({ JP: { total: 10, shares: { CN: 1 }, finished: { total: 0, shares: {} } } });
    expect(r.importUnits).toBe("t/yr");
    const planned = concentrationReport(g, { includePlanned: true });
    expect(planned.imports.JP?.shares).toEqual({ CN: 10 / 15, MY: 5 / 15 });
    // look-through: the ore inside Japan's consumption came from CN 60/80, AU 10/80, MM 10/80
    expect(r.lookThrough.mine?.JP).toEqual({ AU: 0.125, CN: 0.75, MM: 0.125 });
    expect(r.lookThrough.refinery?.JP).toEqual({ CN: 1 });
  });

  it("counts compounds and metals apart from finished goods, in t REO eq when the graph gives REO factors", () => {
    const text = `
      ox [refinery CN output=oxide]
      me [metal VN output=metal]
      mg1 [magnet CN output=magnet]
      mg2 [magnet DE output=magnet]
      jm [magnet JP output=magnet]
      car [consumer JP demand=10]
      ox -> jm volume=10
      me -> jm volume=20
      mg1 -> car volume=6
      mg2 -> car volume=2
      jm -> car volume=2
    `;
    const materials = { oxide: { reoFactor: 1 }, metal: { reoFactor: 1.2 }, magnet: { reoFactor: 0.35 } };
    const r = concentrationReport(graphFromText(text, { materials }));
    // compounds and metals: 10 t oxide = 10 t REO, 20 t metal = 24 t REO; finished: 6 + 2 t magnet × 0.35
    expect(r.importUnits).toBe("t REO eq");
    expect(r.imports.JP?.total).toBeCloseTo(34);
    expect(r.imports.JP?.shares.CN).toBeCloseTo(10 / 34);
    expect(r.imports.JP?.shares.VN).toBeCloseTo(24 / 34);
    expect(r.imports.JP?.finished.total).toBeCloseTo(2.8);
    expect(Object.keys(r.imports.JP?.finished.shares ?? {})).toEqual(["CN", "DE"]);
    expect(r.imports.JP?.finished.shares.CN).toBeCloseTo(0.75);
    // without a materials table the same edges count in the graph's own tonnes
    const plain = concentrationReport(graphFromText(text));
    expect(plain.importUnits).toBe("t/yr");
    expect(plain.imports.JP?.total).toBe(30);
    expect(plain.imports.JP?.finished.total).toBe(8);
    // finishedStages chooses what counts as finished goods
    const none = concentrationReport(graphFromText(text), { finishedStages: [] });
    expect(none.imports.JP?.finished).toEqual({ total: 0, shares: {} });
  });

  it("counts capacity only when no kept out-edge gives a volume; a volume of 0 is a volume", () => {
    const g = graphFromText(`
      m1 [mine CN output=ore capacity=50]
      m2 [mine US output=ore capacity=30]
      r1 [refinery CN output=ox]
      m1 -> r1
      m2 -> r1 volume=0
    `);
    // m1's edge has no volume: its capacity counts; m2's edge says 0 and that is what it ships
    expect(concentrationReport(g).stages.mine).toMatchObject({ output: 50, shares: { CN: 1 } });
  });

  it("keeps 'no volume' apart from 'volume 0' on the streamed load of a large file too", () => {
    const dir = mkdtempSync(join(tmpdir(), "chokepoint-conc-"));
    const file = join(dir, "g.json");
    writeFileSync(
      file,
      JSON.stringify(
        serializedFromText(`
          m1 [mine CN output=ore capacity=50]
          m2 [mine US output=ore capacity=30]
          r1 [refinery CN output=ox]
          m1 -> r1
          m2 -> r1 volume=0
        `),
      ),
    );
    const streamed = readGraphTable(file, { streamAboveBytes: 0 });
    expect(Array.from(streamed.volumeGiven)).toEqual(Array.from(buildCsr(readGraphFile(file)).volumeGiven));
    expect(concentrationReport(streamed).stages.mine).toMatchObject({ output: 50, shares: { CN: 1 } });
  });

  it("gives the same report for the graph and for its integer view read from the file", () => {
    for (const file of ["graphs/rare-earths-2025.json", "graphs/rare-earths-2010.json"]) {
      const fromGraph = concentrationReport(readGraphFile(file));
      const fromTable = concentrationReport(readGraphTable(file));
      expect(fromTable).toEqual(fromGraph);
    }
  });

  it("propagates look-through shares through a cycle to a fixed point", () => {
    const g = graphFromText(`
      m1 [mine CN output=ore]
      m2 [mine AU output=ore]
      a [refinery CN output=ox]
      b [refinery MY output=ox]
      car [consumer JP demand=1]
      m1 -> a volume=1
      m2 -> b volume=1
      a -> b volume=1
      b -> a volume=1
      a -> car volume=1
    `);
    const shares = concentrationReport(g).lookThrough.mine?.JP ?? {};
    expect(shares.CN! + shares.AU!).toBeCloseTo(1);
    expect(shares.CN!).toBeGreaterThan(shares.AU!);
  });

  it("has shares that sum to 1 and HHI within [10000/k, 10000] on random graphs", () => {
    const countries = ["CN", "US", "AU", "MM", "JP"];
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 1, max: 100 })), {
          minLength: 1,
          maxLength: 12,
        }),
        (mines) => {
          const lines = mines.map(([c, v], i) => `m${i} [mine ${countries[c]} output=ore capacity=${v}]`);
          const r = concentrationReport(graphFromText(lines.join("\n")));
          const s = r.stages.mine!;
          const sum = Object.values(s.shares).reduce((a, b) => a + b, 0);
          expect(sum).toBeCloseTo(1);
          const k = Object.keys(s.shares).length;
          expect(s.hhi).toBeGreaterThanOrEqual(10000 / k - 1e-6);
          expect(s.hhi).toBeLessThanOrEqual(10000 + 1e-6);
        },
      ),
    );
  });
});
