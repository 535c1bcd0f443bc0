import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { jsonStructureIssue, MAX_JSON_DEPTH, scanJsonKeys } from "../../src/io/_json-structure.js";
import { findReservedKeys } from "../../src/model/_reserved.js";

describe("jsonStructureIssue", () => {
  it("finds a repeated key with its JSON pointer, also when spelled with escapes", () => {
    expect(jsonStructureIssue('{"a":1,"b":{"c":[1,{"d":2,"d":3}]}}')).toMatchObject({
      code: "E_DUPLICATE_KEY",
      pointer: "/b/c/1/d",
    });
    expect(jsonStructureIssue('{"ab":1,"a\\u0062":2}')).toMatchObject({
      code: "E_DUPLICATE_KEY",
      pointer: "/ab",
    });
    expect(jsonStructureIssue('{"a/b":1,"a/b":2}')?.pointer).toBe("/a~1b");
  });

  it("does not mistake strings, escaped quotes or values for keys", () => {
    expect(jsonStructureIssue('{"a":"x\\"","b":"a","c":["a","a"],"d":{"a":1}}')).toBeNull();
  });

  it("refuses nesting deeper than the limit, and accepts the limit itself", () => {
    const nest = (n: number) => `${"[".repeat(n)}${"]".repeat(n)}`;
    expect(jsonStructureIssue(nest(MAX_JSON_DEPTH))).toBeNull();
    expect(jsonStructureIssue(nest(MAX_JSON_DEPTH + 1))?.code).toBe("E_DEPTH");
  });

  it("agrees with a reference on random JSON: an issue exactly when a parsed object lost a key", () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), fc.boolean(), (value, duplicate) => {
        let text = JSON.stringify(value);
        const m = duplicate ? /\{"((?:[^"\\]|\\.)*)":/.exec(text) : null;
        if (m) text = text.replace(m[0], `${m[0]}0,"${m[1]}":`);
        expect(jsonStructureIssue(text)?.code === "E_DUPLICATE_KEY").toBe(m !== null);
      }),
      { numRuns: 300, seed: 7 },
    );
  });
});

describe("scanJsonKeys", () => {
  it("calls a file without repeated keys, deep nesting or escaped keys clean, and notes reserved names", () => {
    expect(scanJsonKeys('{"a":"x\\"","b":"a","c":["a","a"],"d":{"a":1}}')).toEqual({
      clean: true,
      reservedKeys: false,
    });
    expect(scanJsonKeys('{"a":{"constructor":1}}')).toEqual({ clean: true, reservedKeys: true });
    expect(scanJsonKeys('{"a":["__proto__",{"prototype":2}]}')).toEqual({ clean: true, reservedKeys: true });
    // the names as values, or as parts of longer keys, are not keys
    expect(scanJsonKeys('{"a":"constructor","__proto__x":1,"prototypes":2}').reservedKeys).toBe(false);
  });

  it("leaves repeated keys, escaped keys, deep nesting and wide objects to jsonStructureIssue", () => {
    expect(scanJsonKeys('{"a":1,"b":{"c":[1,{"d":2,"d":3}]}}').clean).toBe(false);
    expect(scanJsonKeys('{"ab":1,"a\\u0062":2}').clean).toBe(false);
    const nest = (n: number) => `${"[".repeat(n)}${"]".repeat(n)}`;
    expect(scanJsonKeys(nest(MAX_JSON_DEPTH)).clean).toBe(true);
    expect(scanJsonKeys(nest(MAX_JSON_DEPTH + 1)).clean).toBe(false);
    const wide = Object.fromEntries(Array.from({ length: 100 }, (_, i) => [`k${i}`, i]));
    expect(scanJsonKeys(JSON.stringify(wide)).clean).toBe(false);
    expect(jsonStructureIssue(JSON.stringify(wide))).toBeNull();
  });

  it("is clean only when jsonStructureIssue finds nothing, and says no reserved keys only when there are none", () => {
    const key = fc.oneof(
      fc.string({ maxLength: 4 }),
      fc.constantFrom("__proto__", "constructor", "prototype", "a\\", 'q"', "é"),
    );
    const json = fc.letrec((tie) => ({
      value: fc.oneof(
        { depthSize: "small", withCrossShrink: true },
        fc.oneof(fc.string({ maxLength: 3 }), fc.integer(), fc.boolean(), fc.constant(null)),
        fc.array(tie("value"), { maxLength: 4 }),
        fc.array(fc.tuple(key, tie("value")), { maxLength: 5 }),
      ),
    }));
    const seen = new Set<string>();
    // objects as key/value lists, written by hand so that keys may repeat and may be spelled with escapes
    const write = (v: unknown, escaped: boolean): string => {
      if (!Array.isArray(v)) return JSON.stringify(v);
      if (v.every((x) => Array.isArray(x) && x.length === 2 && typeof x[0] === "string"))
        return `{${v
          .map(([k, x]) => {
            const text = JSON.stringify(k);
            // the first character as a \\u escape (when JSON.stringify wrote it plain)
            const plain = k.length > 0 && text[1] !== "\\";
            const spelled =
              escaped && plain
                ? `"\\u${k.charCodeAt(0).toString(16).padStart(4, "0")}${text.slice(2)}`
                : text;
            return `${spelled}:${write(x, escaped)}`;
          })
          .join(",")}}`;
      return `[${v.map((x) => write(x, escaped)).join(",")}]`;
    };
    fc.assert(
      fc.property(json.value, fc.boolean(), (value, escaped) => {
        const text = write(value, escaped);
        const scan = scanJsonKeys(text);
        const reserved = findReservedKeys(JSON.parse(text));
        if (scan.clean) expect(jsonStructureIssue(text)).toBeNull();
        if (scan.clean && !scan.reservedKeys) expect(reserved).toEqual([]);
        seen.add(`${scan.clean}/${scan.reservedKeys}/${reserved.length > 0}`);
      }),
      { numRuns: 500, seed: 11 },
    );
    // the runs reached every answer: clean with and without reserved keys, and not clean
    expect([...seen].sort()).toEqual(
      expect.arrayContaining(["false/true/false", "true/false/false", "true/true/true"]),
    );
  });
});
