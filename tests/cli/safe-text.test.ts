import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { escapeControls } from "../../src/cli/_safe-text.js";

describe("escapeControls", () => {
  it("makes ESC, bare CR, C1 and bidi overrides visible; keeps tab, newline and CRLF", () => {
    expect(escapeControls("a\u001b[2Jb")).toBe("a\\u001b[2Jb");
    expect(escapeControls("x\ry\r\nz\tw")).toBe("x\\u000dy\r\nz\tw");
    expect(escapeControls("\u009b\u202e")).toBe("\\u009b\\u202e");
    expect(escapeControls("plain, é 💥")).toBe("plain, é 💥");
  });

  it("leaves nothing a terminal acts on, and keeps JSON valid and equal", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = JSON.stringify(value);
        const safe = escapeControls(text);
        // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
        expect(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]|\r(?!\n)/.test(safe)).toBe(false);
        expect(JSON.parse(safe)).toEqual(JSON.parse(text));
      }),
      { numRuns: 300, seed: 3 },
    );
  });
});
