/**
 * The documentation's examples are real: every `npx chokepoint ...` block followed by an output block, in the
 * README and in every page of docs/, is re-run here and must print exactly what the page shows. After a
 * deliberate change, refresh them with `UPDATE_README=1 npx vitest run tests/readme.test.ts`.
 * Every ```js block that imports from "chokepoint" runs too, as a script inside the package (so "chokepoint"
 * resolves to the build through package.json `exports`), and must exit 0 printing something.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { runCli } from "./_helpers/cli.js";
import { commandBlocks } from "./_helpers/readme-blocks.js";

const ROOT = new URL("../", import.meta.url);
/** The README and the hand-written pages of docs/ (docs/api/ is generated and holds no command examples). */
const PAGES = [
  "README.md",
  ...readdirSync(new URL("docs/", ROOT))
    .filter((f) => f.endsWith(".md"))
    .sort()
    .map((f) => `docs/${f}`),
];
const pages = PAGES.map((page) => {
  const url = new URL(page, ROOT);
  const text = readFileSync(url, "utf8");
  return { page, url, text, blocks: commandBlocks(text) };
});
const examples = pages.flatMap((p) => p.blocks.map((block) => [`${p.page}: ${block.line}`, block] as const));

describe("documented commands print what the documentation shows", () => {
  it("has examples to check in several pages", () => {
    expect(pages.filter((p) => p.blocks.length > 0).length).toBeGreaterThanOrEqual(2);
    expect(examples.length).toBeGreaterThanOrEqual(12);
  });

  if (process.env.UPDATE_README) {
    it("rewrites the outputs from the real commands", async () => {
      for (const { url, text, blocks } of pages) {
        let updated = text;
        for (const block of [...blocks].reverse()) {
          const r = await runCli(block.argv);
          updated = `${updated.slice(0, block.start)}${r.stdout}${updated.slice(block.end)}`;
        }
        if (updated !== text) writeFileSync(url, updated);
      }
    });
    return;
  }

  it.each(examples)("%s", async (_name, block) => {
    const r = await runCli(block.argv);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(block.output);
  });
});

/** The ```js blocks that import from "chokepoint", with their page. */
const scripts = pages.flatMap((p) =>
  [...p.text.matchAll(/```js\n([\s\S]*?)```/g)]
    .map((m) => m[1]!)
    .filter((code) => code.includes('from "chokepoint"'))
    .map((code, i) => [`${p.page} script ${i + 1}`, code] as const),
);

describe("documented scripts run", () => {
  const dir = new URL("dist/doc-scripts/", ROOT);
  mkdirSync(dir, { recursive: true });

  it("has scripts to run in the README and the library guide", () => {
    expect(scripts.map(([name]) => name.split(" ")[0])).toEqual(
      expect.arrayContaining(["README.md", "docs/library.md"]),
    );
  });

  it.each(scripts)("%s", (name, code) => {
    const file = new URL(`${name.replace(/[^a-z0-9]+/gi, "-")}.mjs`, dir);
    writeFileSync(file, code);
    const r = spawnSync(process.execPath, [file.pathname], { encoding: "utf8" });
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).not.toBe("");
  });
});
