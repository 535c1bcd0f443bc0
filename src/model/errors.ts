/**
 * Typed errors. Each has a stable `code` (tests assert the class and code, never the wording), names the
 * offending file / node / edge in its fields and its message, and carries a hint on what to fix.
 */
import type { Problem } from "./types.js";

/** Base class of every error chokepoint throws on purpose. */
export class ChokepointError extends Error {
  readonly code: string;
  readonly hint: string | undefined;
  constructor(code: string, message: string, hint?: string) {
    super(hint ? `${message} (${hint})` : message);
    this.name = new.target.name;
    this.code = code;
    this.hint = hint;
  }
}

/** A graph file that cannot be read or does not follow the format. Lists every problem, not just the first. */
export class GraphFileError extends ChokepointError {
  readonly file: string;
  readonly problems: Problem[];
  constructor(file: string, problems: Problem[]) {
    const errors = problems.filter((p) => p.severity === "error");
    const first = errors[0] ?? problems[0];
    const code = first?.code ?? "E_SCHEMA";
    const more = errors.length > 1 ? ` (and ${errors.length - 1} more)` : "";
    super(code, `${file}: ${first ? formatProblem(first) : "invalid graph file"}${more}`);
    this.file = file;
    this.problems = problems;
  }
}

/** A scenario that names nothing, or is malformed. */
export class ScenarioError extends ChokepointError {
  readonly selector: string | undefined;
  constructor(code: string, message: string, options: { selector?: string; hint?: string } = {}) {
    super(code, message, options.hint);
    this.selector = options.selector;
  }
}

/** Bad command-line usage or bad arguments to a library function. */
export class UsageError extends ChokepointError {
  constructor(message: string, hint?: string, code = "E_USAGE") {
    super(code, message, hint);
  }
}

/** A report could not be written; the previous file (if any) is untouched. */
export class OutputError extends ChokepointError {
  readonly path: string;
  constructor(code: string, path: string, message: string, hint?: string) {
    super(code, `${path}: ${message}`, hint);
    this.path = path;
  }
}

/** An analysis that needs an acyclic graph met a cycle; `cycle` is the node path. */
export class CycleError extends ChokepointError {
  readonly cycle: string[];
  constructor(cycle: string[]) {
    super("E_CYCLE", `the graph has a cycle: ${cycle.join(" -> ")}`);
    this.cycle = cycle;
  }
}

/** `path: message [node x] [edge y]` — the one-line form used by `validate` and error messages. */
export function formatProblem(problem: Problem): string {
  const where = problem.path === "" ? "/" : problem.path;
  const hint = problem.hint ? ` (${problem.hint})` : "";
  return `${where}: ${problem.severity === "warning" ? "warning: " : ""}${problem.message} [${problem.code}]${hint}`;
}
