/**
 * The package's public surface is deliberate: the names `import ... from "chokepoint"` offers, with their
 * signatures, are those of the committed API report tests/api/public-api.api.md, every TSDoc comment on them
 * parses, and the API reference built from those comments has no warning and no broken link. After a deliberate
 * change, `npm run docs` rewrites the report; review its diff. Runs on the built declarations (npm test builds).
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { brokenLinks, documentApi, extractApi, REPORT } from "./build-docs.mjs";

const out = mkdtempSync(join(tmpdir(), "chokepoint-api-"));
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe("the public API", () => {
  const api = extractApi();

  it("matches the committed API report (run `npm run docs` and review the diff after a deliberate change)", () => {
    expect(api.reportChanged).toBe(false);
    expect(api.succeeded).toBe(true);
  });

  it("has TSDoc comments that parse, and no type that is public but not exported", () => {
    expect(api.warnings).toEqual([]);
  });

  it("exports at run time exactly the values the report lists", async () => {
    const report = readFileSync(REPORT, "utf8");
    const reported = [
      ...report.matchAll(/^export (?:declare )?(?:abstract )?(?:function|class|const) (\w+)/gm),
    ]
      .map((m) => m[1])
      .sort();
    const runtime = Object.keys(await import("../../dist/src/index.js")).sort();
    expect(runtime).toEqual([...new Set(reported)]);
  });

  it("builds a reference without warnings or broken links", () => {
    expect(documentApi(out)).toEqual([]);
    expect(brokenLinks(out)).toEqual([]);
  });
});
