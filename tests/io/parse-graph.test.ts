import { describe, expect, it } from "vitest";
import { GraphFileError } from "../../src/model/errors.js";
import { checkGraphBytes, checkGraphText, parseGraph } from "../../src/io/parse-graph.js";
import { serializedFromText } from "../_helpers/graph-from-text.js";

const valid = JSON.stringify(
  serializedFromText("mine [mine CN output=ore]\ncar [consumer JP demand=1]\nmine -> car"),
);
const bytes = (s: string) => new TextEncoder().encode(s);
const firstCode = (r: { problems: Array<{ code: string }> }) => r.problems[0]?.code;

describe("checkGraphBytes: files that are not graph JSON", () => {
  it("names a PNG by its magic bytes", () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]);
    const r = checkGraphBytes(png);
    expect(firstCode(r)).toBe("E_PARSE");
    expect(r.problems[0]?.message).toContain("PNG");
  });

  it("recognises HTML and XML", () => {
    expect(firstCode(checkGraphText("<!doctype html><html></html>"))).toBe("E_PARSE");
    expect(checkGraphText('<?xml version="1.0"?><gexf>').problems[0]?.message).toContain("GEXF");
  });

  it("reports truncated JSON as an unexpected end with its position, and builds no graph", () => {
    const r = checkGraphText(valid.slice(0, 40));
    expect(r.graph).toBeNull();
    expect(firstCode(r)).toBe("E_PARSE");
    expect(r.problems[0]?.message).toMatch(/offset \d+/);
  });

  it("refuses UTF-16 and invalid UTF-8 with the byte offset", () => {
    expect(firstCode(checkGraphBytes(new Uint8Array([0xff, 0xfe, 0x7b, 0])))).toBe("E_ENCODING");
    const bad = bytes(valid);
    bad[20] = 0xff;
    const r = checkGraphBytes(bad);
    expect(firstCode(r)).toBe("E_ENCODING");
    expect(r.problems[0]?.message).toContain("offset 20");
  });

  it("refuses a 0-byte file", () => {
    expect(firstCode(checkGraphBytes(new Uint8Array()))).toBe("E_EMPTY_FILE");
  });

  it("accepts a UTF-8 byte-order mark", () => {
    expect(checkGraphBytes(bytes(`\ufeff${valid}`)).graph?.order).toBe(2);
  });

  it("refuses 1e400 (Infinity) as a number", () => {
    const text = valid.replace('"demand":1', '"demand":1e400');
    expect(firstCode(checkGraphText(text))).toBe("E_VALUE");
  });
});

describe("parseGraph", () => {
  it("returns the graph of a valid file", () => {
    expect(parseGraph(valid).order).toBe(2);
  });

  it("throws a GraphFileError naming the file and carrying every problem", () => {
    const bad = valid.replace('"country":"CN"', '"country":"XX"').replace('"demand":1', '"demand":-1');
    try {
      parseGraph(bad, { file: "bad.json" });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(GraphFileError);
      const err = e as GraphFileError;
      expect(err.file).toBe("bad.json");
      expect(err.problems.map((p) => p.code)).toEqual(["E_VALUE", "E_VALUE"]);
      expect(err.message).toContain("bad.json");
    }
  });
});
