/**
 * The bundled graphs are what graphs/_tools builds: `build.mjs --check` rebuilds both in memory from the
 * declarations and the references in graphs/sources/ (nothing outside the repository) and fails unless each
 * equals the committed file byte for byte.
 */
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const BUILD = fileURLToPath(new URL("../../graphs/_tools/build.mjs", import.meta.url));

describe("graphs/_tools/build.mjs --check", () => {
  it("rebuilds both graphs byte for byte", () => {
    const r = spawnSync(process.execPath, [BUILD, "--check", "--quiet"], { encoding: "utf8" });
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
  });
});
