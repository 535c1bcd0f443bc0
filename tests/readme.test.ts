/**
 * The documentation's examples are real: every `npx chokepoint ...` block followed by an output block, in the
 * README and in every page of docs/, is re-run here and must print exactly what the page shows. After a
 * deliberate change, refresh them with `UPDATE_README=1 npx vitest run tests/readme.test.ts`.
 * Every ```js block that imports from "chokepoint" runs too, as a script inside the package (so "chokepoint"
 * resolves to the build through package.json `exports`), and must exit 0 printing something. Commands shown
 * without their output (they write files, serve, or take minutes) are checked against the commands' declared
 * options, so a renamed option or choice cannot linger in the docs; and docs/commands.md has a section per command.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { runCli } from "./_helpers/cli.js";
import { COMMANDS } from "../src/cli/commands/index.js";
import { commandBlocks, shellWords } from "./_helpers/readme-blocks.js";

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

/** Every `npx chokepoint ...` line of a ```sh block, without its trailing `# comment`. */
const commandLines = pages.flatMap((p) =>
  [...p.text.matchAll(/```sh\n([\s\S]*?)```/g)].flatMap((m) =>
    m[1]!
      .split("\n")
      .filter((l) => l.startsWith("npx chokepoint"))
      .map(
        (l) =>
          [`${p.page}: ${l.replace(/\s+#.*$/, "")}`, shellWords(l.replace(/\s+#.*$/, "")).slice(2)] as const,
      ),
  ),
);

describe("documented command lines use what the commands declare", () => {
  it("finds the command lines", () => {
    expect(commandLines.length).toBeGreaterThanOrEqual(30);
  });

  it.each(commandLines)("%s", (_line, argv) => {
    const spec = COMMANDS.find((c) => c.name === argv[0]);
    expect(spec, `no command ${argv[0]}`).toBeDefined();
    const options = new Map((spec!.options ?? []).map((o) => [o.flags.split(" ")[0]!, o]));
    for (const [i, word] of argv.entries()) {
      if (!word.startsWith("--") || word === "--help") continue;
      const option = options.get(word);
      expect(option, `${argv[0]} has no option ${word}`).toBeDefined();
      if (option?.choices) expect(option.choices).toContain(argv[i + 1]);
    }
  });

  it("docs/commands.md has a section for every command", () => {
    const text = pages.find((p) => p.page === "docs/commands.md")!.text;
    const sections = [...text.matchAll(/^## (\S+)$/gm)].map((m) => m[1]);
    expect(sections.sort()).toEqual(COMMANDS.map((c) => c.name).sort());
  });
});
