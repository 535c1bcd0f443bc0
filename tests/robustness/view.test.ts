/**
 * Catalogue, the local server: `view` answers only requests addressed to it by name (DNS rebinding sends
 * another Host), a port in use is a typed error, and closing stops a server that a browser keeps alive.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { serveViewer } from "../../src/cli/commands/view.js";
import { tempDir } from "./_helpers.js";

function get(port: number, host: string, agent?: import("node:http").Agent): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: "127.0.0.1", port, path: "/local-graph.json", headers: { host }, agent },
      (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      },
    );
    req.on("error", reject);
    req.end();
  });
}

function dist(): string {
  const dir = join(tempDir(), "dist");
  mkdirSync(dir);
  writeFileSync(join(dir, "index.html"), "<!doctype html><title>viewer</title>");
  return dir;
}

describe("robustness: the local server", () => {
  it("V1 answers Host 127.0.0.1:<port> and localhost:<port> only (421 otherwise)", async () => {
    const server = await serveViewer({ dist: dist(), localGraph: '{"secret":1}', port: 0 });
    const port = Number(new URL(server.url).port);
    try {
      expect(await get(port, `127.0.0.1:${port}`)).toBe(200);
      expect(await get(port, `localhost:${port}`)).toBe(200);
      expect(await get(port, `LOCALHOST:${port}`)).toBe(200);
      expect(await get(port, `evil.example:${port}`)).toBe(421);
      expect(await get(port, "evil.example")).toBe(421);
      expect(await get(port, `127.0.0.1:${port + 1}`)).toBe(421);
    } finally {
      await server.close();
    }
  });

  it("V2 a port in use is E_PORT, not an EADDRINUSE trace", async () => {
    const first = await serveViewer({ dist: dist(), localGraph: null, port: 0 });
    const port = Number(new URL(first.url).port);
    try {
      await expect(serveViewer({ dist: dist(), localGraph: null, port })).rejects.toMatchObject({
        code: "E_PORT",
        name: "UsageError",
      });
    } finally {
      await first.close();
    }
  });

  it("V3 close() returns while a browser holds a keep-alive connection (Ctrl+C and SIGTERM stop the server)", async () => {
    const server = await serveViewer({ dist: dist(), localGraph: null, port: 0 });
    const port = Number(new URL(server.url).port);
    const { Agent } = await import("node:http");
    const agent = new Agent({ keepAlive: true });
    expect(await get(port, `127.0.0.1:${port}`, agent)).toBe(404);
    const closed = await Promise.race([
      server.close().then(() => true),
      new Promise<boolean>((r) => setTimeout(() => r(false), 3000)),
    ]);
    agent.destroy();
    expect(closed).toBe(true);
  });
});
