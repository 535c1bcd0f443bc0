import { mkdtempSync, mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkCsvTables } from "../../../src/io/formats/csv.js";
import { checkCsvFile } from "../../../src/io/formats/csv-files.js";
import { writeCsv } from "../../../src/io/formats/csv-write.js";
import { protectTextCell, unprotectTextCell } from "../../../src/io/formats/_csv-cells.js";
import { readGraphFile } from "../../../src/io/read-graph-file.js";
import { contentOf, richGraph } from "./_rich-graph.js";

const GRAPH = "attribute,value\nstages,mine;refinery;consumer\n";
const NODES =
  "id,label,stage,country,output,capacity\n0012,Bayan Obo,mine,CN,ore,100\n12,Other mine,mine,AU,ore,50\nref,Refinery,refinery,CN,oxide,\n";
const EDGES = "source,target,volume\n0012,ref,80\n12,ref,20\n";

function check(nodes: string, edges = EDGES, graph: string | null = GRAPH) {
  return checkCsvTables({
    nodes: { text: nodes, name: "nodes.csv" },
    edges: { text: edges, name: "edges.csv" },
    ...(graph !== null ? { graph: { text: graph, name: "graph.csv" } } : {}),
  });
}
const codes = (r: { problems: Array<{ code: string; severity: string }> }) =>
  r.problems.filter((p) => p.severity === "error").map((p) => p.code);

describe("CSV reader: bad input", () => {
  it("keeps ids as text: 0012 and 12 are two nodes", () => {
    const g = check(NODES).graph!;
    expect(g.nodes().sort()).toEqual(["0012", "12", "ref"]);
    expect(g.getNodeAttribute("0012", "capacity")).toBe(100);
    expect(g.hasNodeAttribute("ref", "capacity")).toBe(false); // empty cell = absent
  });

  it("refuses 1,000 in a numeric column with line and column, never coerced", () => {
    const r = check(NODES.replace("0012,Bayan Obo,mine,CN,ore,100", '0012,Bayan Obo,mine,CN,ore,"1,000"'));
    expect(codes(r)).toEqual(["E_TYPE"]);
    expect(r.problems[0]?.path).toBe("nodes.csv line 2, column 6 (capacity)");
    expect(r.problems[0]?.hint).toBeTruthy();
    expect(codes(check(NODES, "source,target,volume\n0012,ref,12 t\n12,ref,1\n"))).toEqual(["E_TYPE"]);
  });

  it("reads a ranges column as JSON, refuses text that is not JSON, checks it like JSON files", () => {
    const nodes =
      'id,label,stage,country,output,capacity,ranges\n0012,Bayan Obo,mine,CN,ore,100,"{""capacity"":{""low"":80,""high"":120}}"\n12,Other,mine,AU,ore,50,\nref,Refinery,refinery,CN,oxide,,\n';
    expect(check(nodes).graph?.getNodeAttribute("0012", "ranges")).toEqual({
      capacity: { low: 80, high: 120 },
    });
    const bad = check(nodes.replace('""low"":80', '""low"":80,'));
    expect(codes(bad)).toEqual(["E_RANGE_SHAPE"]);
    expect(bad.problems[0]?.path).toBe("nodes.csv line 2, column 7 (ranges)");
    const outside = check(nodes.replace('""low"":80', '""low"":101'));
    expect(codes(outside)).toEqual(["E_RANGE_OUTSIDE"]);
    expect(outside.problems[0]).toMatchObject({
      nodeId: "0012",
      path: "nodes.csv line 2, column 7 (ranges)",
    });
  });

  it("reports an unterminated quote as E_PARSE with its line", () => {
    const r = check(`${NODES}bad,"unterminated,mine,CN,ore,1\n`);
    expect(codes(r)).toEqual(["E_PARSE"]);
    expect(r.problems[0]?.path).toMatch(/^nodes\.csv line \d+$/);
  });

  it("reports a row with too many cells as E_PARSE", () => {
    expect(codes(check(`${NODES}x,y,mine,CN,ore,1,extra\n`))).toEqual(["E_PARSE"]);
  });

  it("reads a UTF-8 byte-order mark (Excel) without taking it into the first header", () => {
    const g = check(`\uFEFF${NODES}`, `\uFEFF${EDGES}`).graph!;
    expect(g.order).toBe(3);
  });

  it("refuses reserved ids at their cell (E_RESERVED_ID)", () => {
    const r = check(
      NODES.replace("12,Other", "constructor,Other"),
      EDGES.replace("12,ref", "constructor,ref"),
    );
    expect(codes(r)).toContain("E_RESERVED_ID");
    expect(r.problems.find((p) => p.code === "E_RESERVED_ID")?.path).toBe("nodes.csv line 3, column 1 (id)");
  });

  it("refuses a missing id column, duplicate columns, an empty id, and a bad recipe", () => {
    expect(codes(check(NODES.replace("id,", "name,")))).toEqual(["E_SCHEMA"]);
    expect(
      codes(
        check(
          NODES.replace("capacity", "Capacity,capacity")
            .replaceAll(",100", ",100,100")
            .replaceAll(",50", ",50,50")
            .replace("oxide,", "oxide,,"),
        ),
      ),
    ).toEqual(["E_SCHEMA"]);
    expect(codes(check(`${NODES},Nameless,mine,CN,ore,1\n`))).toEqual(["E_SCHEMA"]);
    const recipe = check(
      NODES.replace("capacity", "capacity,recipe")
        .replace(",100\n", ",100,\n")
        .replace(",50\n", ",50,\n")
        .replace("oxide,", "oxide,,ore"),
    );
    expect(codes(recipe)).toEqual(["E_VALUE"]);
    expect(recipe.problems[0]?.path).toBe("nodes.csv line 4, column 7 (recipe)");
  });

  it("validates like loadGraph (a dangling edge names its line and column)", () => {
    const r = check(NODES, `${EDGES}ref,ghost,1\n`);
    expect(codes(r)).toEqual(["E_DANGLING_EDGE"]);
    expect(r.problems.find((p) => p.code === "E_DANGLING_EDGE")?.path).toBe(
      "edges.csv line 4, column 2 (target)",
    );
  });

  it("reads Gephi's tables (Id, Label, Source, Target, Type, Weight) and refuses undirected rows", () => {
    const nodes = "Id,Label,stage,country,output\nm,Mine,mine,CN,ore\nr,Ref,refinery,CN,oxide\n";
    const edges = "Source,Target,Type,Id,Label,Weight\nm,r,Directed,0,,1.0\n";
    const g = check(nodes, edges, null).graph!;
    expect(g.getNodeAttribute("m", "label")).toBe("Mine");
    expect(g.getEdgeAttributes("m->r")).toEqual({});
    expect(codes(check(nodes, edges.replace("Directed", "Undirected"), null))).toEqual(["E_SCHEMA"]);
  });

  it("reads a node column `type` as the stage when there is no stage column, with a warning", () => {
    const r = check(NODES.replace("stage", "type"));
    expect(codes(r)).toEqual([]);
    expect(r.graph?.getNodeAttribute("ref", "stage")).toBe("refinery");
    expect(r.problems.map((p) => p.code)).toContain("W_RENAMED_ATTRIBUTE");
  });

  it("reads ; or tab delimited tables (European Excel)", () => {
    const g = check(NODES.replaceAll(",", ";"), EDGES.replaceAll(",", "\t")).graph!;
    expect(g.size).toBe(2);
  });

  it("infers stages with a warning when there is no graph table", () => {
    const r = check(NODES, EDGES, null);
    expect(r.graph?.getAttribute("stages")).toEqual(["mine", "refinery"]);
    expect(r.problems.map((p) => p.code)).toContain("W_STAGES_INFERRED");
  });
});

describe("CSV files", () => {
  it("reads a folder, a *nodes.csv path, and explicit --nodes/--edges paths", () => {
    const dir = mkdtempSync(join(tmpdir(), "chokepoint-csv-"));
    writeFileSync(join(dir, "nodes.csv"), NODES);
    writeFileSync(join(dir, "edges.csv"), EDGES);
    writeFileSync(join(dir, "graph.csv"), GRAPH);
    writeFileSync(join(dir, "my-nodes.csv"), NODES);
    writeFileSync(join(dir, "my-edges.csv"), EDGES);
    expect(readGraphFile(dir).order).toBe(3);
    expect(checkCsvFile(join(dir, "my-nodes.csv")).graph?.order).toBe(3);
    expect(
      checkCsvFile("", { nodes: join(dir, "nodes.csv"), edges: join(dir, "edges.csv") }).graph?.order,
    ).toBe(3);
    const empty = join(dir, "empty");
    mkdirSync(empty);
    expect(codes(checkCsvFile(empty))).toEqual(["E_IO", "E_IO"]);
  });
});

describe("CSV writer", () => {
  it("round-trips every node, edge and attribute of a rich graph (formula cells, 0012, lists, extras)", () => {
    const g = richGraph();
    const t = writeCsv(g);
    expect(t.nodes).toContain("'=HYPERLINK");
    expect(t.nodes).toContain("'-5 t flagged");
    expect(t.nodes).toContain("\n0012,");
    const back = check(t.nodes, t.edges, t.graph);
    expect(codes(back)).toEqual([]);
    expect(contentOf(back.graph!)).toEqual(contentOf(g));
  });

  it("keeps numbers numeric (no quote prefix on -5 in a number column) and refuses Infinity", () => {
    const g = richGraph();
    g.setNodeAttribute("magnet-a", "tier", -5);
    expect(writeCsv(g).nodes).toMatch(/,-5\n/);
    g.setNodeAttribute("magnet-a", "tier", Number.NaN);
    expect(() => writeCsv(g)).toThrow(expect.objectContaining({ code: "E_VALUE" }));
  });
});

describe("formula-safe cells", () => {
  it("prefixes text a spreadsheet would run, also after spaces and NBSP", () => {
    for (const s of ["=1+1", "+1", "-2", "@SUM(A1)", "\tx", "\rx", "  =cmd", "\u00a0=cmd", "'=x"]) {
      expect(protectTextCell(s).startsWith("'"), JSON.stringify(s)).toBe(true);
    }
    for (const s of ["plain", "'quoted", "a=b", "1-2"]) expect(protectTextCell(s)).toBe(s);
  });

  it("reads back exactly what was written, for any text", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom("'", "=", "-", " ", "\u00a0", "a", "\t", "+", "@") }),
        (s) => {
          expect(unprotectTextCell(protectTextCell(s))).toBe(s);
        },
      ),
    );
  });
});
