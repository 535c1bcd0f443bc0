/**
 * The `@example` blocks of the TSDoc comments run: each ```ts block under `@example` in src/ is a script that
 * uses the public API (every export of "chokepoint" is in scope), run from an empty folder inside the package so
 * "chokepoint" resolves to the build. It must exit 0 without writing to stderr. Examples are written as plain
 * JavaScript (no type annotations) so that they run as they are.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const SCRIPTS = join(ROOT, "dist/doc-scripts");
const cwd = mkdtempSync(join(tmpdir(), "chokepoint-doc-examples-"));
afterAll(() => rmSync(cwd, { recursive: true, force: true }));

/** `[file: line, code]` of every @example ```ts block in src/. */
function examples(): Array<readonly [string, string]> {
  const out: Array<readonly [string, string]> = [];
  for (const f of readdirSync(join(ROOT, "src"), { recursive: true })) {
    const file = join(ROOT, "src", String(f));
    if (!file.endsWith(".ts")) continue;
    const text = readFileSync(file, "utf8");
    for (const m of text.matchAll(/@example\s*\n\s*\* ```ts\n([\s\S]*?)\n\s*\* ```/g)) {
      const line = text.slice(0, m.index).split("\n").length;
      const code = m[1]!
        .split("\n")
        .map((l) => l.replace(/^\s*\* ?/, ""))
        .join("\n");
      out.push([`${relative(ROOT, file)}:${line}`, code] as const);
    }
  }
  return out.sort((a, b) => (a[0] < b[0] ? -1 : 1));
}

const found = examples();

describe("TSDoc @example blocks", () => {
  it("are there for the main functions", () => {
    expect(found.length).toBeGreaterThanOrEqual(8);
  });

  // One process for all of them (each in its own block and try), as node's start-up dominates each run.
  it("run", async () => {
    const names = Object.keys(await import("../../dist/src/index.js"));
    const blocks = found.map(
      ([name, code]) =>
        `try {\n${code}\n} catch (e) {\n  console.error(${JSON.stringify(name)}, e);\n  process.exitCode = 1;\n}`,
    );
    mkdirSync(SCRIPTS, { recursive: true });
    const script = join(SCRIPTS, "tsdoc-examples.mjs");
    writeFileSync(script, `import { ${names.join(", ")} } from "chokepoint";\n${blocks.join("\n")}\n`);
    const r = spawnSync(process.execPath, [script], { cwd, encoding: "utf8" });
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
  });
});
