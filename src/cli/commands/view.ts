/**
 * `chokepoint view [file]`: serve the browser viewer on 127.0.0.1 and print its URL. Builds the viewer first when
 * `viewer/dist` is missing (vite is a development dependency). A given graph file is checked with the CLI's
 * loader (any format `convert` reads), then served from memory as `/local-graph.json`; nothing is written.
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, normalize, resolve, sep } from "node:path";
import { packageRoot } from "../../io/bundled.js";
import { checkAnyGraphFileAsync } from "../../io/read-graph-file.js";
import { formatProblem, UsageError } from "../../model/errors.js";
import type { CommandSpec } from "../_command.js";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".wasm": "application/wasm",
  ".png": "image/png",
  ".svg": "image/svg+xml",
};

/** True for a Host header naming this server: `127.0.0.1:<port>` or `localhost:<port>` (any case). */
export function allowedHost(host: string | undefined, port: number): boolean {
  if (host === undefined) return false;
  const h = host.toLowerCase();
  return h === `127.0.0.1:${port}` || h === `localhost:${port}`;
}

/** A running viewer server. */
export interface ViewerServer {
  url: string;
  close(): Promise<void>;
}

export interface ServeViewerOptions {
  /** The built viewer (`viewer/dist`). */
  dist: string;
  /** Graph JSON served as `/local-graph.json`, or null. */
  localGraph: string | null;
  /** 0 = any free port. */
  port: number;
}

/**
 * Serve a built viewer folder on 127.0.0.1 (never another interface): GET/HEAD only, files inside `dist` only
 * (no path traversal, no directory listing), and the local graph from memory.
 */
export function serveViewer(options: ServeViewerOptions): Promise<ViewerServer> {
  const root = resolve(options.dist);
  const server: Server = createServer((request, response) => {
    const headers = { "x-content-type-options": "nosniff", "cache-control": "no-store" };
    // DNS rebinding: a page on evil.example whose name now resolves to 127.0.0.1 sends `Host: evil.example`.
    // Only our own names for this server are answered.
    if (!allowedHost(request.headers.host, port)) {
      response
        .writeHead(421, { ...headers, "content-type": "text/plain; charset=utf-8" })
        .end("wrong host\n");
      return;
    }
    if (request.method !== "GET" && request.method !== "HEAD") {
      response.writeHead(405, { ...headers, allow: "GET, HEAD" }).end();
      return;
    }
    let path: string;
    try {
      path = decodeURIComponent(new URL(request.url ?? "/", "http://127.0.0.1").pathname);
    } catch {
      response.writeHead(400, headers).end();
      return;
    }
    if (path === "/local-graph.json" && options.localGraph !== null) {
      response.writeHead(200, { ...headers, "content-type": TYPES[".json"]! });
      response.end(request.method === "HEAD" ? undefined : options.localGraph);
      return;
    }
    const file = resolve(root, normalize(`.${path === "/" ? "/index.html" : path}`));
    if (!(file === root || file.startsWith(root + sep)) || !existsSync(file) || !statSync(file).isFile()) {
      response.writeHead(404, { ...headers, "content-type": "text/plain; charset=utf-8" }).end("not found\n");
      return;
    }
    response.writeHead(200, {
      ...headers,
      "content-type": TYPES[extname(file)] ?? "application/octet-stream",
    });
    response.end(request.method === "HEAD" ? undefined : readFileSync(file));
  });
  let port = options.port;
  return new Promise((resolveServer, reject) => {
    server.once("error", (e: NodeJS.ErrnoException) => {
      if (e.code === "EADDRINUSE" || e.code === "EACCES")
        reject(
          new UsageError(
            `--port ${options.port}: ${e.code === "EADDRINUSE" ? "the port is in use" : "not allowed to listen on this port"}`,
            "give another port, or --port 0 for any free one",
            "E_PORT",
          ),
        );
      else reject(e);
    });
    server.listen(options.port, "127.0.0.1", () => {
      port = (server.address() as AddressInfo).port;
      resolveServer({
        url: `http://127.0.0.1:${port}/`,
        close: () =>
          new Promise((done) => {
            server.close(() => done());
            // a browser's keep-alive connection would hold the server open after Ctrl+C or SIGTERM
            server.closeAllConnections();
          }),
      });
    });
  });
}

/** Build the viewer into `viewer/dist` with vite (a development dependency). */
async function buildViewer(root: string): Promise<void> {
  let vite: typeof import("vite");
  try {
    vite = await import("vite");
  } catch {
    throw new UsageError(
      "the viewer is not built (viewer/dist is missing) and vite is not installed",
      "run `npm install` then `npm run build:viewer` in the chokepoint folder",
      "E_VIEWER_NOT_BUILT",
    );
  }
  await vite.build({ configFile: join(root, "viewer", "vite.config.ts"), logLevel: "warn" });
}

export const viewCommand: CommandSpec = {
  name: "view",
  summary: "open the network in the browser viewer (served on 127.0.0.1; prints the URL)",
  args: [{ name: "file", description: "a graph file to show (default: the bundled graphs)" }],
  options: [
    {
      flags: "--port <port>",
      description: "port on 127.0.0.1 (0 = any free port)",
      default: 0,
      parse: (v: string) => {
        const n = Number(v);
        if (!Number.isInteger(n) || n < 0 || n > 65535)
          throw new UsageError(`--port: not a port number: ${v}`);
        return n;
      },
    },
    { flags: "--from <format>", description: "input format of the file (default: from the extension)" },
    { flags: "--rebuild", description: "rebuild the viewer even when viewer/dist exists", default: false },
  ],
  examples: ["chokepoint view", "chokepoint view my-network.json --port 8080"],
  async run({ args, options, io }) {
    const file = args[0];
    let localGraph: string | null = null;
    if (file !== undefined) {
      const result = await checkAnyGraphFileAsync(
        file,
        typeof options.from === "string" ? { from: options.from } : {},
      );
      const errors = result.problems.filter((p) => p.severity === "error");
      for (const p of result.problems) io.stderr(`${file}: ${formatProblem(p)}\n`);
      if (!result.graph || errors.length > 0) return 2;
      localGraph = JSON.stringify(result.graph.export());
    }
    const root = packageRoot();
    const dist = join(root, "viewer", "dist");
    if (options.rebuild === true || !existsSync(join(dist, "index.html"))) {
      io.stderr("building the viewer (viewer/dist)…\n");
      await buildViewer(root);
    }
    const server = await serveViewer({ dist, localGraph, port: Number(options.port ?? 0) });
    io.stdout(`chokepoint viewer: ${server.url}${localGraph !== null ? "#g=local" : ""}\n`);
    io.stderr("press Ctrl+C to stop\n");
    await new Promise<void>((done) => {
      const stop = () => {
        process.off("SIGINT", stop);
        process.off("SIGTERM", stop);
        void server.close().then(done);
      };
      process.once("SIGINT", stop);
      process.once("SIGTERM", stop);
    });
    return 0;
  },
};
