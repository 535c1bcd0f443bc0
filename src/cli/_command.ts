/**
 * Commands are declared as data (citty-style): `main.ts` turns each `CommandSpec` into a commander command,
 * so `--help` lists every option with its default, and each command's `run` is testable without a process.
 */
import { checkOutputPath, writeFileAtomic } from "../io/write-atomic.js";
import { escapeControls } from "./_safe-text.js";

function* mapChunks(chunks: Iterable<string>, f: (text: string) => string): Iterable<string> {
  for (const chunk of chunks) yield f(chunk);
}

/** Where a command writes: injectable so tests capture output without spawning a process. */
export interface CliIO {
  stdout(text: string): void;
  stderr(text: string): void;
  /** True when stderr is a terminal (progress bars instead of plain lines). */
  stderrIsTTY?: boolean;
}

export interface ArgumentSpec {
  name: string;
  description: string;
  required?: boolean;
  variadic?: boolean;
  default?: string;
  /** The command writes this path (checked against the inputs before the command runs). */
  output?: boolean;
}

export interface OptionSpec {
  /** commander flags, e.g. `--format <format>`. */
  flags: string;
  description: string;
  default?: unknown;
  choices?: readonly string[];
  /** Repeatable options collect into an array. */
  repeatable?: boolean;
  /** Parse a value (e.g. to a number); throw UsageError on bad input. */
  parse?: (value: string) => unknown;
}

export interface CommandContext {
  args: string[];
  options: Record<string, unknown>;
  io: CliIO;
}

export interface CommandSpec {
  name: string;
  summary: string;
  args?: ArgumentSpec[];
  options?: OptionSpec[];
  examples?: string[];
  /** Returns the exit code: 0 success, 1 a failure condition asked for with --fail-on, 2 bad input or usage. */
  run(ctx: CommandContext): Promise<number>;
}

/** `--format` with the formats a command supports; text first (the default). */
export function formatOption(formats: readonly string[]): OptionSpec {
  return { flags: "--format <format>", description: "output format", default: formats[0], choices: formats };
}

/** `--out`: write the report atomically to a file instead of stdout. */
export const outOption: OptionSpec = {
  flags: "--out <path>",
  description: "write the report to this file (atomically: temp file in the same folder, then rename)",
};

/** Check `--out` before any analysis runs, so a bad path fails fast and nothing is half-written. */
export function checkOut(options: Record<string, unknown>): void {
  if (typeof options.out === "string") checkOutputPath(options.out);
}

/** Send a finished report to `--out` (atomically) or stdout, control characters escaped (`_safe-text.ts`). */
export function emit(io: CliIO, text: string | Iterable<string>, out: unknown): void {
  if (typeof out === "string") {
    writeFileAtomic(out, typeof text === "string" ? escapeControls(text) : mapChunks(text, escapeControls));
    io.stderr(`wrote ${out}\n`);
  } else if (typeof text === "string") {
    io.stdout(text);
  } else {
    for (const chunk of text) io.stdout(chunk);
  }
}
