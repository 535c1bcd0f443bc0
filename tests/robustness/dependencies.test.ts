/**
 * Catalogue, dependencies (docs/robustness.md, "Dependency policy"): `npm audit` cannot reach the advisory
 * service from the build machines, so the floors that the advisories we know of set are checked here against
 * the lockfile, every package is pinned with an integrity hash, and the production tree has a size budget.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = join(import.meta.dirname, "..", "..");
const lock = JSON.parse(readFileSync(join(ROOT, "package-lock.json"), "utf8")) as {
  packages: Record<
    string,
    { version?: string; resolved?: string; integrity?: string; dev?: boolean; link?: boolean }
  >;
};

function version(name: string): number[] | null {
  const v = lock.packages[`node_modules/${name}`]?.version;
  return v ? v.split(/[.-]/).slice(0, 3).map(Number) : null;
}

function atLeast(v: number[], floor: number[]): boolean {
  for (let i = 0; i < 3; i++) if (v[i]! !== floor[i]!) return v[i]! > floor[i]!;
  return true;
}

/** Package → the lowest version without the advisories named (library-pitfalls.md). */
const FLOORS: Array<[string, number[], string]> = [
  ["@xmldom/xmldom", [0, 9, 12], "GHSA-6gmq-8vp8-gcm6, CVE-2022-39353, GHSA-9pgh-qqpf-7wqj"],
  ["vite", [8, 0, 16], "GHSA-fx2h-pf6j-xcff, CVE-2026-39363/39364/39365 and the 2025 dev-server advisories"],
];

/** Production packages allowed in the lockfile; raising it is a decision, written in docs/robustness.md. */
const PRODUCTION_BUDGET = 130;

describe("robustness: dependencies", () => {
  it("D1 every installed package is pinned to a version with an integrity hash", () => {
    const unpinned = Object.entries(lock.packages).filter(
      ([path, p]) => path !== "" && !p.link && (!p.version || !p.integrity),
    );
    expect(unpinned.map(([path]) => path)).toEqual([]);
  });

  it.each(FLOORS)("D2 %s is at or above %j (%s)", (name, floor) => {
    const v = version(name);
    expect(v).not.toBeNull();
    expect(atLeast(v!, floor)).toBe(true);
  });

  it("D3 the abandoned `xmldom` package (unscoped, unfixed advisories) is not installed", () => {
    expect(lock.packages["node_modules/xmldom"]).toBeUndefined();
  });

  it(`D4 the production tree stays within ${PRODUCTION_BUDGET} packages`, () => {
    const production = Object.entries(lock.packages).filter(([path, p]) => path !== "" && !p.dev);
    expect(production.length).toBeLessThanOrEqual(PRODUCTION_BUDGET);
  });
});
