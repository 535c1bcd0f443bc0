/**
 * What only a real process has: stdout may be a closed pipe (`| head -c1` gives EPIPE), a full device
 * (`> /dev/full` gives ENOSPC), or not open at all (`>&-`, which Node silently reopens on /dev/null). Each ends in
 * one line on stderr and a non-zero exit, never a stack trace or a success that wrote nothing.
 */
import { readFileSync, readlinkSync } from "node:fs";
import { OutputError } from "../model/errors.js";
import type { CliIO } from "./_command.js";

/** The process's own stdout and stderr, with no guard (what tests replace). */
export function processIO(): CliIO {
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    stderrIsTTY: process.stderr.isTTY === true,
  };
}

/**
 * True when stdout was closed when the process started. Node reopens a closed fd 0-2 on /dev/null in
 * read-write mode (node::PlatformInit), while a shell's `> /dev/null` opens it write-only: the access mode in
 * /proc tells them apart (Linux only; elsewhere this says false).
 */
export function stdoutWasClosed(): boolean {
  try {
    if (readlinkSync("/proc/self/fd/1") !== "/dev/null") return false;
    const flags = /^flags:\s*([0-7]+)/m.exec(readFileSync("/proc/self/fdinfo/1", "utf8"));
    return flags !== null && (Number.parseInt(flags[1]!, 8) & 3) === 2;
  } catch {
    return false;
  }
}

/** One line for an error that is not ours: the command, the error's class and first line. */
export function describeCrash(command: string | undefined, e: unknown): string {
  const what =
    e instanceof Error ? `${e.name}: ${e.message.split("\n")[0]!.slice(0, 200)}` : String(e).slice(0, 200);
  return `chokepoint${command ? ` ${command}` : ""}: internal error: ${what} (run again with --debug for the stack trace, and please report it)`;
}

/** Exit now with one line on stderr (used from stream error events, where throwing would crash). */
function die(line: string, code: number): never {
  try {
    process.stderr.write(`${line}\n`);
  } catch {
    // stderr is gone too: the exit code is all that is left
  }
  process.exit(code);
}

/** The process IO with stdout failures turned into one line and exit code 2. */
export function guardProcessIO(argv: readonly string[]): CliIO {
  const io = processIO();
  const closed = stdoutWasClosed();
  process.stdout.on("error", (e: NodeJS.ErrnoException) => {
    const why =
      e.code === "EPIPE"
        ? "stdout was closed by the reader (EPIPE)"
        : `cannot write to stdout (${e.code ?? e.message})`;
    die(`chokepoint${argv[0] ? ` ${argv[0]}` : ""}: ${why}; the output is incomplete [E_STDOUT]`, 2);
  });
  // An error thrown outside `run` (a stream callback, a timer): one line too, the stack only with --debug.
  process.on("uncaughtException", (e) => {
    const debug = argv.includes("--debug") || process.env.CHOKEPOINT_DEBUG === "1";
    die(`${describeCrash(argv[0], e)}${debug && e.stack ? `\n${e.stack}` : ""}`, 3);
  });
  return {
    ...io,
    stdout: (text) => {
      if (closed)
        throw new OutputError(
          "E_STDOUT",
          "<stdout>",
          "standard output is closed; nothing can be written",
          "use --out <file>, or redirect stdout",
        );
      io.stdout(text);
    },
  };
}
