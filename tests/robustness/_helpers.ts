/** Shared by the robustness catalogue: temp folders, a small valid graph, and the CLI run as a real process. */
import { spawn, type StdioOptions } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { serializedFromText } from "../_helpers/graph-from-text.js";

export const BIN = join(import.meta.dirname, "..", "..", "bin", "chokepoint.js");

/** A fresh temp folder. */
export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), "chokepoint-robust-"));
}

/** A small valid graph with capacities, recipes and demand (the flow runs on it). */
export const SMALL = `
  m1 [mine CN output=ore capacity=100]
  m2 [mine AU output=ore capacity=50]
  r1 [refinery JP output=ox recipe=ore:1 capacity=100]
  c1 [consumer JP demand=10 recipe=ox:1]
  c2 [consumer DE demand=5 recipe=ox:1]
  m1 -> r1 volume=10
  m2 -> r1 volume=5
  r1 -> c1 volume=10
  r1 -> c2 volume=5
`;

/** The graph file object of `SMALL` (or another drawing), to mutate. */
export function smallGraph(text = SMALL): ReturnType<typeof serializedFromText> {
  return serializedFromText(text);
}

/** Write a JSON value (or text) to `dir/name` and return the path. */
export function save(dir: string, name: string, content: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, typeof content === "string" ? content : JSON.stringify(content, null, 1));
  return path;
}

/** Everything in a folder: names, sizes and contents, to assert that nothing was written or changed. */
export function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    const st = statSync(path);
    out[name] = st.isFile()
      ? `${st.mode.toString(8)}:${readFileSync(path, "utf8")}`
      : `dir ${st.mode.toString(8)}`;
  }
  return out;
}

export interface ProcessResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
}

/** Run `bin/chokepoint.js` as a real process (killed after `timeoutMs`). */
export function runBin(
  args: string[],
  options: { stdio?: StdioOptions; input?: string; timeoutMs?: number; shell?: string } = {},
): Promise<ProcessResult> {
  return new Promise((resolve) => {
    const child = options.shell
      ? spawn("bash", ["-c", options.shell], { stdio: options.stdio ?? "pipe" })
      : spawn(process.execPath, [BIN, ...args], { stdio: options.stdio ?? "pipe" });
    let stdout = "";
    let stderr = "";
    child.stdout?.on("data", (d) => {
      stdout += d;
    });
    child.stderr?.on("data", (d) => {
      stderr += d;
    });
    if (options.input !== undefined) child.stdin?.end(options.input);
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill("SIGKILL");
    }, options.timeoutMs ?? 30_000);
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr, timedOut });
    });
  });
}

/** True when a message is one line (plus the newline) and carries no stack trace. */
export function oneLine(text: string): boolean {
  const lines = text.trimEnd().split("\n");
  return lines.length === 1 && !/\n\s+at /.test(text) && text.length < 1000;
}
