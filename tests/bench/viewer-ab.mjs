#!/usr/bin/env node
/**
 * Side by side: the viewer's drop of the generated 10^4-node graph, for two or more builds of the viewer, runs
 * alternating (A B B A …, so that a rising or falling load favours neither). Each run is what the e2e
 * benchmark's case does (tests/e2e/viewer.e2e.test.ts, "a generated 10^4-node graph"): a fresh headless Debian
 * Chromium (software WebGL), the viewer on the bundled 2025 graph, the file dropped once the page is ready; the
 * times are the page's own (`window.__viewer.timings`, ms after the drop). Nothing is asserted: it prints one
 * JSON line per run and the medians per build.
 *
 * Usage: node tests/bench/viewer-ab.mjs --dist DIR[,DIR...] [--runs N] [--out FILE]
 *   --dist  viewer builds to compare (`npx vite build --config viewer/vite.config.ts --outDir DIR` in each
 *           checkout)
 *   --runs  runs per build (default 6)
 *   --out   also write the runs and medians as JSON to FILE
 * Needs `npm run build` (the graph is generated with this checkout's dist/).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import { loadavg, tmpdir } from "node:os";
import { basename, extname, join, normalize, resolve } from "node:path";
import { chromium } from "playwright-core";
import { CHROMIUM, CHROMIUM_ARGS } from "../e2e/chromium.mjs";

const argv = process.argv.slice(2);
const option = (name, fallback) => {
  const at = argv.indexOf(name);
  return at >= 0 ? argv[at + 1] : fallback;
};
const dists = (option("--dist", "") ?? "")
  .split(",")
  .filter(Boolean)
  .map((d) => resolve(d));
const runs = Number(option("--runs", "6"));
const out = option("--out", null);
if (dists.length === 0 || !Number.isInteger(runs) || runs < 1) {
  console.error("usage: node tests/bench/viewer-ab.mjs --dist DIR[,DIR...] [--runs N] [--out FILE]");
  process.exit(2);
}

const dist = new URL("../../dist/src/", import.meta.url);
const { syntheticNetwork } = await import(new URL("generate/synthetic-network.js", dist).href);
const { syntheticGraphJson } = await import(new URL("generate/synthetic-graph-json.js", dist).href);
const text = [...syntheticGraphJson(syntheticNetwork({ nodes: 10_000, seed: 42 }))].join("");

const TYPES = {
  ".html": "text/html",
  ".js": "text/javascript",
  ".css": "text/css",
  ".wasm": "application/wasm",
  ".json": "application/json",
};

/** A static server of one build on 127.0.0.1 (no path outside `root`). */
function serve(root) {
  return new Promise((done) => {
    const server = createServer((request, response) => {
      let path = decodeURIComponent(new URL(request.url ?? "/", "http://127.0.0.1").pathname);
      if (path.endsWith("/")) path += "index.html";
      const file = normalize(join(root, path));
      try {
        if (!file.startsWith(root)) throw new Error("outside");
        const body = readFileSync(file);
        response.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" });
        response.end(body);
      } catch {
        response.writeHead(404);
        response.end();
      }
    });
    server.listen(0, "127.0.0.1", () => done(server));
  });
}

/** One run: ms after the drop until the page's timings. */
async function run(root) {
  const server = await serve(root);
  const profile = mkdtempSync(join(tmpdir(), "viewer-ab-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1400, height: 850 },
  });
  try {
    const page = await context.newPage();
    const errors = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(`http://127.0.0.1:${server.address().port}/#g=rare-earths-2025`);
    await page.waitForFunction(() => window.__viewer?.ready, null, { timeout: 60_000 });
    const load = loadavg()[0];
    await page.evaluate(
      ([name, body]) => {
        const data = new DataTransfer();
        data.items.add(new File([body], name, { type: "application/json" }));
        document.dispatchEvent(
          new DragEvent("drop", { dataTransfer: data, bubbles: true, cancelable: true }),
        );
      },
      ["generated-10k.json", text],
    );
    await page.waitForFunction(() => window.__viewer.served(), null, { timeout: 240_000 });
    const times = await page.evaluate(() => {
      const t = window.__viewer.timings;
      const after = (key) => (t[key] === undefined ? null : Math.round(t[key] - t.dropped));
      return {
        checkedMs: after("graphChecked"),
        firstDrawingMs: after("firstDrawn"),
        maxTotalServedMs: after("total"),
        servedDemandMs: after("served"),
      };
    });
    return { ...times, load: Number(load.toFixed(1)), errors };
  } finally {
    await context.close();
    server.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

const median = (values) => {
  const sorted = values.filter((v) => v !== null).sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : Math.round((sorted[mid - 1] + sorted[mid]) / 2);
};

const results = new Map(dists.map((d) => [d, []]));
for (let i = 0; i < runs; i++) {
  for (const root of i % 2 === 0 ? dists : [...dists].reverse()) {
    const record = {
      at: new Date().toISOString().slice(11, 19),
      build: basename(root),
      ...(await run(root)),
    };
    results.get(root).push(record);
    console.log(JSON.stringify(record));
  }
}
const keys = ["checkedMs", "firstDrawingMs", "maxTotalServedMs", "servedDemandMs"];
const medians = dists.map((root) => ({
  build: basename(root),
  runs: results.get(root).length,
  ...Object.fromEntries(keys.map((k) => [k, median(results.get(root).map((r) => r[k]))])),
}));
for (const m of medians) console.log("median", JSON.stringify(m));
if (out) writeFileSync(out, `${JSON.stringify({ runs: [...results.values()].flat(), medians }, null, 2)}\n`);
