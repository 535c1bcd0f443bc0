/**
 * Vite config of the viewer (root `viewer/`). The viewer imports the library from `../src` (vite resolves the
 * `.js` specifiers to the `.ts` files). `base: "./"` makes the static build work from any folder or static server;
 * servers bind 127.0.0.1 only (never every interface: see library-pitfalls.md, vite dev/preview server).
 */
import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

const repoRoot = fileURLToPath(new URL("..", import.meta.url));

export default defineConfig({
  root: fileURLToPath(new URL(".", import.meta.url)),
  base: "./",
  // No public/ folder: graph data is imported, never served from a folder anyone can drop files into.
  publicDir: false,
  build: {
    outDir: "dist",
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
    // the bundler's per-plugin timing report is for vite's developers, not for this build's users
    rolldownOptions: {
      checks: { pluginTimings: false },
      // highs (HiGHS in WebAssembly) imports `node:module` on its Node-only path, which the browser build replaces
      // by an empty module: expected, so that one warning is dropped; every other goes through.
      onwarn(warning, warn) {
        if (
          warning.message.includes('"node:module" has been externalized') &&
          warning.message.includes("highs")
        )
          return;
        warn(warning);
      },
    },
  },
  worker: { format: "es" },
  server: { host: "127.0.0.1", strictPort: false, fs: { allow: [repoRoot] } },
  preview: { host: "127.0.0.1" },
});
