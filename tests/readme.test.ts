/**
 * The README's examples are real: every `npx chokepoint ...` block followed by an output block is re-run here
 * and must print exactly what the README shows. After a deliberate change, refresh them with
 * `UPDATE_README=1 npx vitest run tests/readme.test.ts`.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { runCli } from "./_helpers/cli.js";
import { commandBlocks } from "./_helpers/readme-blocks.js";

const README = new URL("../README.md", import.meta.url);
const text = readFileSync(README, "utf8");
const blocks = commandBlocks(text);

describe("README examples print what the README shows", () => {
  it("has examples to check", () => {
    expect(blocks.length).toBeGreaterThanOrEqual(3);
  });

  if (process.env.UPDATE_README) {
    it("rewrites the outputs from the real commands", async () => {
      let updated = text;
      for (const block of [...blocks].reverse()) {
        const r = await runCli(block.argv);
        updated = `${updated.slice(0, block.start)}${r.stdout}${updated.slice(block.end)}`;
      }
      writeFileSync(README, updated);
    });
    return;
  }

  it.each(blocks.map((b) => [b.line, b] as const))("%s", async (_line, block) => {
    const r = await runCli(block.argv);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(block.output);
  });
});
