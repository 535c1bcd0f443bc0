#!/usr/bin/env node
/**
 * The public API's report and reference, from the built declarations (`npm run build` first; `npm run docs` does
 * both). api-extractor reads dist/src/index.d.ts (the package root, the only entry point of package.json
 * `exports`), checks every TSDoc comment it reaches, and writes the API report tests/api/public-api.api.md: the
 * exported names with their signatures, committed so that a change to the surface shows in review.
 * api-documenter turns the same model into Markdown pages, one per export, in docs/api/ (not committed: it is
 * rebuilt from the comments). Both run offline. tests/api/public-api.test.ts runs the same steps in check mode.
 *
 * Usage: node tests/api/build-docs.mjs [--out docs/api]
 * Exit 1 when api-extractor or api-documenter warns, or a generated page links to a page that does not exist.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { Extractor, ExtractorConfig } from "@microsoft/api-extractor";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const CONFIG = join(ROOT, "tests/api/api-extractor.json");
/** Where api-extractor writes the doc model (.api.json) and, in check mode, the report it would have written. */
export const MODEL_DIR = join(ROOT, "dist/api");
export const REPORT = join(ROOT, "tests/api/public-api.api.md");

/**
 * Run api-extractor. `update` (local build) rewrites the committed report; otherwise a changed API fails.
 * @returns {{ succeeded: boolean, reportChanged: boolean, warnings: string[] }}
 */
export function extractApi({ update = false } = {}) {
  if (!existsSync(join(ROOT, "dist/src/index.d.ts")))
    throw new Error("dist/src/index.d.ts missing: run npm run build");
  const config = ExtractorConfig.loadFileAndPrepare(CONFIG);
  const warnings = [];
  const result = Extractor.invoke(config, {
    localBuild: update,
    messageCallback: (message) => {
      // The report-changed notice is returned as `reportChanged`, not as a warning.
      if (message.messageId.startsWith("console-api-report-")) message.handled = true;
      else if (message.logLevel === "warning" || message.logLevel === "error") {
        const where = message.sourceFilePath
          ? `${relative(ROOT, message.sourceFilePath)}:${message.sourceFileLine}: `
          : "";
        warnings.push(`${where}${message.text} (${message.messageId})`);
        message.handled = true;
      } else message.handled = true;
    },
  });
  return { succeeded: result.succeeded, reportChanged: result.apiReportChanged, warnings };
}

/** Run api-documenter on the doc model into `outDir` (emptied first). @returns {string[]} its warnings */
export function documentApi(outDir) {
  rmSync(outDir, { recursive: true, force: true });
  const bin = join(ROOT, "node_modules/@microsoft/api-documenter/bin/api-documenter");
  const r = spawnSync(process.execPath, [bin, "markdown", "-i", MODEL_DIR, "-o", outDir], {
    encoding: "utf8",
  });
  const lines = `${r.stdout}\n${r.stderr}`.split("\n").filter((l) => /warn|error/i.test(l));
  if (r.status !== 0) lines.push(`api-documenter exited with ${r.status}`);
  return lines;
}

/** Relative links of the Markdown pages under `dir` that point at no file. @returns {string[]} */
export function brokenLinks(dir) {
  const broken = [];
  for (const file of readdirSync(dir, { recursive: true })) {
    if (!String(file).endsWith(".md")) continue;
    const page = join(dir, String(file));
    const text = readFileSync(page, "utf8").replace(/```[\s\S]*?```/g, "");
    for (const m of text.matchAll(/\]\(([^)\s]+)\)/g)) {
      const target = m[1].split("#")[0];
      if (target === "" || /^[a-z]+:/i.test(target)) continue;
      if (!existsSync(join(dirname(page), target))) broken.push(`${relative(ROOT, page)}: ${m[1]}`);
    }
  }
  return broken;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const at = process.argv.indexOf("--out");
  const out = join(ROOT, at > 0 ? process.argv[at + 1] : "docs/api");
  const api = extractApi({ update: true });
  if (api.reportChanged) console.log(`The public API changed: review the diff of ${relative(ROOT, REPORT)}.`);
  const problems = [...api.warnings, ...(api.succeeded ? [] : ["api-extractor failed"])];
  problems.push(...documentApi(out));
  problems.push(...brokenLinks(out));
  for (const p of problems) console.error(p);
  console.log(`API reference: ${relative(ROOT, out)}/index.md (${problems.length} problems)`);
  process.exit(problems.length ? 1 : 0);
}
