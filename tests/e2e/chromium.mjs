/**
 * How the viewer's browser tests and benchmarks start Chromium: Debian's (never a downloaded one), headless, with
 * software WebGL (no GPU), and nothing that reaches the network. Shared by tests/e2e/viewer.e2e.test.ts and
 * tests/bench/viewer-ab.mjs, so the benchmark measures the page the e2e suite tests.
 */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
