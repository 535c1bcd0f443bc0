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
  },
  worker: { format: "es" },
  server: { host: "127.0.0.1", strictPort: false, fs: { allow: [repoRoot] } },
  preview: { host: "127.0.0.1" },
});
