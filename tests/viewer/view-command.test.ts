import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { runCli } from "../_helpers/cli.js";
import { serveViewer, type ViewerServer } from "../../src/cli/commands/view.js";

let dir: string;
let server: ViewerServer;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "viewer-serve-"));
  mkdirSync(join(dir, "dist", "assets"), { recursive: true });
  writeFileSync(join(dir, "dist", "index.html"), "<!doctype html><title>v</title>");
  writeFileSync(join(dir, "dist", "assets", "app.js"), "export {}");
  writeFileSync(join(dir, "secret.txt"), "outside");
  server = await serveViewer({ dist: join(dir, "dist"), localGraph: '{"nodes":[]}', port: 0 });
});

afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("serveViewer", () => {
  test("binds 127.0.0.1 and serves the build", async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const index = await fetch(server.url);
    expect(index.status).toBe(200);
    expect(index.headers.get("content-type")).toMatch(/text\/html/);
    const js = await fetch(`${server.url}assets/app.js`);
    expect(js.headers.get("content-type")).toMatch(/javascript/);
  });

  test("serves the given graph from memory", async () => {
    const r = await fetch(`${server.url}local-graph.json`);
    expect(await r.json()).toEqual({ nodes: [] });
  });

  test("nothing outside the build folder, no other methods", async () => {
    for (const path of [
      "..%2fsecret.txt",
      "%2e%2e/secret.txt",
      "assets/..%2f..%2fsecret.txt",
      "nope.js",
      "assets",
    ]) {
      expect((await fetch(`${server.url}${path}`)).status).toBe(404);
    }
    expect((await fetch(server.url, { method: "POST" })).status).toBe(405);
  });
});

test("view with an invalid file: the loader's problems on stderr, exit 2, no server", async () => {
  const bad = join(dir, "bad.json");
  writeFileSync(bad, '{"nodes": [}');
  const r = await runCli(["view", bad]);
  expect(r.code).toBe(2);
  expect(r.stderr).toContain("E_PARSE");
  expect(r.stdout).toBe("");
});
