/**
 * docs/simulate.md's examples are real: every `npx chokepoint ...` block followed by an output block is re-run
 * and must print exactly what the page shows. Refresh after a deliberate change with
 * `UPDATE_DOCS=1 npx vitest run tests/simulate/docs.test.ts`.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { runCli } from "../_helpers/cli.js";
import { commandBlocks } from "../_helpers/readme-blocks.js";

const PAGE = new URL("../../docs/simulate.md", import.meta.url);
const text = readFileSync(PAGE, "utf8");
const blocks = commandBlocks(text);

describe("docs/simulate.md examples print what the page shows", () => {
  it("has the walk-through's three examples", () => {
    expect(blocks.length).toBe(3);
  });

  if (process.env.UPDATE_DOCS) {
    it("rewrites the outputs from the real commands", async () => {
      let updated = text;
      for (const block of [...blocks].reverse()) {
        const r = await runCli(block.argv);
        updated = `${updated.slice(0, block.start)}${r.stdout}${updated.slice(block.end)}`;
      }
      writeFileSync(PAGE, updated);
    }, 300_000);
    return;
  }

  it.each(blocks.map((b) => [b.line, b] as const))(
    "%s",
    async (_line, block) => {
      const r = await runCli(block.argv);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toBe(block.output);
    },
    120_000,
  );
});
