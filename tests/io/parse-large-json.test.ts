import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type ByteSource, bytesSource } from "../../src/io/_json-chunks.js";
import { parseLargeJson } from "../../src/io/_parse-large-json.js";

const encode = (s: string) => new TextEncoder().encode(s);
/** The bytes as a source that is read chunk by chunk, as a file is. */
const chunked = (bytes: Uint8Array): ByteSource => {
  const { read, alloc, size } = bytesSource(bytes);
  return { read, alloc, size };
};

describe("parseLargeJson", () => {
  it("returns what JSON.parse returns, for any batch size", () => {
    const top = fc.dictionary(
      fc.string({ maxLength: 6 }),
      fc.oneof(fc.array(fc.jsonValue({ maxDepth: 3 }), { maxLength: 20 }), fc.jsonValue({ maxDepth: 3 })),
      { maxKeys: 5 },
    );
    fc.assert(
      fc.property(top, fc.integer({ min: 1, max: 200 }), fc.boolean(), (obj, batchBytes, pretty) => {
        const text = JSON.stringify(obj, null, pretty ? 2 : undefined);
        const parsed = parseLargeJson(encode(text), { batchBytes });
        expect(parsed).toEqual({ data: JSON.parse(text) });
      }),
      { numRuns: 500 },
    );
  });

  it("returns the same when read in chunks smaller than an element", () => {
    const top = fc.dictionary(
      fc.string({ maxLength: 6 }),
      fc.array(fc.jsonValue({ maxDepth: 3 }), { maxLength: 20 }),
      {
        maxKeys: 4,
      },
    );
    fc.assert(
      fc.property(
        top,
        fc.integer({ min: 1, max: 64 }),
        fc.integer({ min: 1, max: 200 }),
        (obj, chunkBytes, batchBytes) => {
          const text = JSON.stringify(obj, null, 1);
          expect(parseLargeJson(chunked(encode(text)), { chunkBytes, batchBytes })).toEqual({
            data: JSON.parse(text),
          });
        },
      ),
      { numRuns: 300 },
    );
    const bad = encode('{"nodes":[1,{"a":"b"},\n  {"a" 1}]}');
    expect(parseLargeJson(chunked(bad), { chunkBytes: 4 })).toEqual(parseLargeJson(bad));
  });

  it("keeps __proto__ as an own key, as JSON.parse does", () => {
    const parsed = parseLargeJson(encode('{"__proto__":{"polluted":1},"nodes":[]}'));
    expect("data" in parsed && Object.hasOwn(parsed.data as object, "__proto__")).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("reports syntax errors and bad UTF-8 with the byte offset in the file", () => {
    expect(parseLargeJson(encode('{"nodes":[1,2,}'))).toMatchObject({ error: { kind: "parse" } });
    expect(parseLargeJson(encode('{"nodes":[1,2'))).toMatchObject({ error: { kind: "parse" } });
    expect(parseLargeJson(encode("[1,2]"))).toMatchObject({ error: { kind: "parse", offset: 0 } });
    const bad = encode('{"nodes":["ab"]}');
    bad[12] = 0xff;
    expect(parseLargeJson(bad, { batchBytes: 1 })).toMatchObject({ error: { kind: "encoding", offset: 12 } });
  });
});
