import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { jsonStructureIssue, MAX_JSON_DEPTH } from "../../src/io/_json-structure.js";

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
