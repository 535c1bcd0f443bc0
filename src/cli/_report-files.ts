/**
 * Write a Markdown report with its SVG charts beside it: `report.md` links `report-served.svg` and so on. Every
 * path is checked before anything is written, and each file is replaced atomically.
 */
import { basename, dirname, extname, join } from "node:path";
import { checkOutputPath, writeFileAtomic } from "../io/write-atomic.js";
import type { RenderedReport } from "../report/compare.js";
import type { CliIO } from "./_command.js";
import { escapeControls } from "./_safe-text.js";

/** The base name charts are linked by: `out/report.md` → `report`. */
export function chartPrefix(out: unknown, fallback: string): string {
  return typeof out === "string" ? basename(out, extname(out)) : fallback;
}

/** Emit a rendered report: to `--out` with its charts beside it, or to stdout (charts need `--out`). */
export function emitReport(io: CliIO, report: RenderedReport, out: unknown): void {
  if (typeof out !== "string") {
    io.stdout(report.text);
    if (report.charts.length) io.stderr("charts are written only with --out (beside the Markdown file)\n");
    return;
  }
  const prefix = chartPrefix(out, "report");
  const files = report.charts.map((c) => ({
    path: join(dirname(out), `${prefix}-${c.name}.svg`),
    svg: c.svg,
  }));
  for (const f of files) checkOutputPath(f.path);
  for (const f of files) writeFileAtomic(f.path, f.svg);
  writeFileAtomic(out, escapeControls(report.text));
  io.stderr(`wrote ${[out, ...files.map((f) => f.path)].join(", ")}\n`);
}
