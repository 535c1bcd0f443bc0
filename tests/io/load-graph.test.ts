import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkGraphFile, loadGraph } from "../../src/io/load-graph.js";
import { GraphFileError } from "../../src/model/errors.js";
import { serializedFromText } from "../_helpers/graph-from-text.js";

const dir = mkdtempSync(join(tmpdir(), "chokepoint-load-"));
const file = join(dir, "g.json");
writeFileSync(
  file,
  JSON.stringify(serializedFromText("mine [mine CN output=ore]\ncar [consumer JP demand=1]\nmine -> car")),
);

describe("loadGraph", () => {
  it("loads a valid file", () => {
    expect(loadGraph(file).size).toBe(1);
  });

  it("refuses a file over maxBytes before reading it", () => {
    expect(checkGraphFile(file, { maxBytes: 10 }).problems[0]?.code).toBe("E_TOO_LARGE");
  });

  it("reports a directory and a missing file as I/O problems", () => {
    expect(checkGraphFile(dir).problems[0]?.code).toBe("E_IO");
    expect(() => loadGraph(join(dir, "missing.json"))).toThrow(GraphFileError);
  });
});
