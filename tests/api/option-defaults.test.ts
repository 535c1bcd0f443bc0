/**
 * Documented defaults are the real ones: every `@defaultValue` on a field of an `XOptions` interface in src/
 * equals that field of the `DEFAULT_X_OPTIONS` constant the function merges on its first line (STYLE: options
 * triple), so the API reference cannot drift from the code.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const SRC = fileURLToPath(new URL("../../src/", import.meta.url));

interface Documented {
  file: string;
  constant: string;
  field: string;
  value: unknown;
}

/** `FlowAnalysisOptions` → `DEFAULT_FLOW_ANALYSIS_OPTIONS`. */
const constantOf = (name: string) => `DEFAULT_${name.replace(/([a-z0-9])([A-Z])/g, "$1_$2").toUpperCase()}`;

function documentedDefaults(): Documented[] {
  const out: Documented[] = [];
  for (const f of readdirSync(SRC, { recursive: true })) {
    if (!String(f).endsWith(".ts")) continue;
    const text = readFileSync(join(SRC, String(f)), "utf8");
    for (const iface of text.matchAll(/export interface (\w+Options) \{\n([\s\S]*?)\n\}/g)) {
      for (const m of iface[2]!.matchAll(/@defaultValue `([^`]*)`[\s\S]*?\*\/\n\s+(\w+)\?:/g)) {
        out.push({
          file: relative(SRC, join(SRC, String(f))),
          constant: constantOf(iface[1]!),
          field: m[2]!,
          value: JSON.parse(m[1]!),
        });
      }
    }
  }
  return out;
}

const documented = documentedDefaults();

describe("documented option defaults", () => {
  it("are found", () => {
    expect(documented.length).toBeGreaterThanOrEqual(10);
  });

  it.each(documented.map((d) => [`${d.file}: ${d.constant}.${d.field}`, d] as const))("%s", async (_n, d) => {
    const module = (await import(join(SRC, d.file))) as Record<string, Record<string, unknown> | undefined>;
    expect(module[d.constant], `${d.file} exports no ${d.constant}`).toBeDefined();
    expect(module[d.constant]![d.field]).toEqual(d.value);
  });
});
