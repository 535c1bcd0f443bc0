/**
 * The hand-written documentation holds together: every relative link of the README and of docs/*.md points at a
 * file that exists (and, for `page.md#anchor`, at a heading of that page, slugged as GitHub does), and every page
 * of docs/ is reachable from docs/index.md. External links are not followed (no network in tests).
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("../", import.meta.url));
const DOC_PAGES = readdirSync(join(ROOT, "docs"))
  .filter((f) => f.endsWith(".md"))
  .sort()
  .map((f) => `docs/${f}`);
const PAGES = ["README.md", ...DOC_PAGES];

/** Markdown text with fenced code blocks blanked out (a link inside code is not a link). */
function prose(text: string): string {
  return text.replace(/```[\s\S]*?```/g, "");
}

/** GitHub's heading anchor: lower case, punctuation dropped, spaces to hyphens. */
function slug(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, "")
    .replace(/\s/g, "-");
}

function anchorsOf(file: string): Set<string> {
  const seen = new Map<string, number>();
  const out = new Set<string>();
  for (const m of prose(readFileSync(file, "utf8")).matchAll(/^#{1,6} (.+)$/gm)) {
    const base = slug(m[1]!);
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    out.add(n === 0 ? base : `${base}-${n}`);
  }
  return out;
}

/** Relative link targets of a page: `[text](target)` and `![alt](target)`, without external or mail links. */
function links(text: string): string[] {
  return [...prose(text).matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1]!).filter((t) => !/^[a-z]+:/i.test(t));
}

describe("documentation links", () => {
  it("finds the pages", () => {
    expect(DOC_PAGES).toContain("docs/index.md");
    expect(DOC_PAGES.length).toBeGreaterThanOrEqual(8);
  });

  it.each(PAGES)("%s: every relative link resolves", (page) => {
    const broken: string[] = [];
    for (const target of links(readFileSync(join(ROOT, page), "utf8"))) {
      const [path, anchor] = target.split("#") as [string, string | undefined];
      const file = path === "" ? join(ROOT, page) : join(ROOT, dirname(page), decodeURIComponent(path));
      if (!existsSync(file)) broken.push(`${target} (no file ${relative(ROOT, file)})`);
      else if (anchor && file.endsWith(".md") && !anchorsOf(file).has(anchor))
        broken.push(`${target} (no heading)`);
    }
    expect(broken).toEqual([]);
  });

  it("links every page of docs/ from docs/index.md", () => {
    const linked = new Set(
      links(readFileSync(join(ROOT, "docs/index.md"), "utf8")).map((t) => t.split("#")[0]),
    );
    const missing = DOC_PAGES.filter((p) => p !== "docs/index.md" && !linked.has(p.slice("docs/".length)));
    expect(missing).toEqual([]);
  });
});
