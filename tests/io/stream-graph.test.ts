import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { syntheticGraphJson } from "../../src/generate/synthetic-graph-json.js";
import { syntheticNetwork } from "../../src/generate/synthetic-network.js";
import { checkGraphFile } from "../../src/io/load-graph.js";
import { readGraphFile } from "../../src/io/read-graph-file.js";
import { readGraphTable } from "../../src/io/read-graph-table.js";
import { buildCsr } from "../../src/model/csr.js";
import { GraphFileError } from "../../src/model/errors.js";
import type { Problem } from "../../src/model/types.js";

const dir = mkdtempSync(join(tmpdir(), "chokepoint-stream-"));
// Tiny chunks and batches, so a small file crosses many chunk and batch boundaries.
const STREAM = { streamAboveBytes: 0, chunkBytes: 256, batchBytes: 100, streamBatchBytes: 60 };

type Obj = Record<string, any>;
const graphText = (nodes: number, seed: number) =>
  [...syntheticGraphJson(syntheticNetwork({ nodes, seed }))].join("");
const small = () => JSON.parse(graphText(40, 5)) as Obj;

let fileCount = 0;
function save(text: string): string {
  const file = join(dir, `g${fileCount++}.json`);
  writeFileSync(file, text);
  return file;
}

/** The problems of the streamed load (none when it succeeds). */
function streamedProblems(file: string): Problem[] {
  try {
    readGraphTable(file, STREAM);
    return [];
  } catch (e) {
    if (e instanceof GraphFileError) return e.problems;
    throw e;
  }
}

describe("readGraphTable: streamed load of a large file", () => {
  it("gives the view buildCsr gives for the graphology graph", () => {
    const file = save(graphText(2000, 1));
    const streamed = readGraphTable(file, STREAM);
    const whole = buildCsr(readGraphFile(file));
    expect(streamed).toEqual(whole);
  });

  it("keeps explicit edge keys", () => {
    const data = small();
    data.edges.forEach((e: Obj, i: number) => {
      if (i % 3 === 1) e.key = `edge-${i}`;
    });
    const file = save(JSON.stringify(data));
    // The small-file path of the same loader (keys given in the file, holes elsewhere).
    expect(readGraphTable(file, STREAM)).toEqual(readGraphTable(file));
    const csr = readGraphTable(file, STREAM);
    expect(csr.edgeKeys?.filter((k) => k !== undefined)).toHaveLength(
      data.edges.filter((e: Obj) => e.key).length,
    );
  });

  const own = (key: string, value: unknown) =>
    JSON.parse(`{${JSON.stringify(key)}:${JSON.stringify(value)}}`);
  const cases: Array<[string, (d: Obj) => Obj | string]> = [
    ["a duplicate edge late in the file", (d) => ({ ...d, edges: [...d.edges, { ...d.edges[3] }] })],
    [
      "a dangling end and a duplicate",
      (d) => ({ ...d, edges: [{ source: "x", target: "y" }, ...d.edges, d.edges[0]] }),
    ],
    [
      "a key on one edge, then a repeated pair",
      (d) => ({
        ...d,
        edges: [...d.edges.map((e: Obj, i: number) => (i === 9 ? { ...e, key: "k" } : e)), d.edges[20]],
      }),
    ],
    [
      "a reserved key in an edge",
      (d) => ({ ...d, edges: [...d.edges, { ...d.edges[1], ...own("__proto__", 1) }] }),
    ],
    [
      "reserved keys at the top and in a node",
      (d) => {
        d.nodes[2].attributes = { ...d.nodes[2].attributes, ...own("constructor", { x: 1 }) };
        return `{"prototype":1,${JSON.stringify(d).slice(1)}`;
      },
    ],
    [
      "edges before nodes, attributes last",
      ({ attributes, edges, ...rest }) => ({
        edges: [
          ...edges,
          { source: edges[0].source, target: edges[0].source },
          { source: "nowhere", target: "x" },
        ],
        ...rest,
        attributes,
      }),
    ],
    ["no attributes", ({ attributes: _a, ...rest }) => rest],
    ["a repeated top-level key", (d) => `${JSON.stringify(d).slice(0, -1)},"nodes":[]}`],
    [
      "bad values and a stockpile with edges",
      (d) => {
        d.nodes[0].attributes.stock = 3;
        d.nodes[1].attributes.capacity = "12";
        d.edges[4].attributes.color = "red";
        return d;
      },
    ],
  ];
  it.each(cases)("reports what the whole-file check reports: %s", (_name, mutate) => {
    const changed = mutate(small());
    const file = save(typeof changed === "string" ? changed : JSON.stringify(changed, null, 1));
    const expected = checkGraphFile(file).problems;
    expect(expected.some((p) => p.severity === "error")).toBe(true);
    expect(streamedProblems(file)).toEqual(expected);
  });

  it("reports a syntax error with the line and column of the file", () => {
    const text = graphText(40, 5).replace(/\n\{"source"/, '\n{"source"x');
    const problems = streamedProblems(save(text));
    expect(problems).toHaveLength(1);
    const line = text.slice(0, text.indexOf('"source"x')).split("\n").length;
    expect(problems[0]!.message).toContain(`(line ${line}, column 10)`);
  });

  it("reports bad UTF-8 at its byte offset", () => {
    const bytes = Buffer.from(graphText(40, 5));
    const at = bytes.indexOf("Mine") + 2;
    bytes[at] = 0xff;
    const file = join(dir, "bad-utf8.json");
    writeFileSync(file, bytes);
    expect(streamedProblems(file)).toEqual([
      expect.objectContaining({ code: "E_ENCODING", message: `invalid UTF-8 at byte offset ${at}` }),
    ]);
  });
});
