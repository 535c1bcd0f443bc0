/**
 * The CLI shell: builds commander commands from the `COMMANDS` data, maps errors to exit codes (2 for bad
 * input or usage, 3 for an internal error) and messages on stderr. `run(argv, io)` is what tests call;
 * `bin/chokepoint.js` calls `runProcess`, which adds what only a real process has (EPIPE, a closed stdout).
 */
import { Command, CommanderError, Option } from "commander";
import { checkDistinctPaths } from "../io/same-file.js";
import { ChokepointError, formatProblem, GraphFileError } from "../model/errors.js";
import type { CliIO, CommandSpec } from "./_command.js";
import { commandPaths } from "./_paths.js";
import { escapeControls } from "./_safe-text.js";
import { describeCrash, guardProcessIO, processIO } from "./_process.js";
import { COMMANDS } from "./commands/index.js";

/** Exit code of an error that is not a `ChokepointError` (a bug): not 1, which `--fail-on` owns. */
export const EXIT_INTERNAL = 3;

function collect(value: string, previous: unknown): string[] {
  return [...(Array.isArray(previous) ? previous : []), value];
}

function buildCommand(spec: CommandSpec, io: CliIO, exit: { code: number }): Command {
  const cmd = new Command(spec.name).description(spec.summary);
  for (const a of spec.args ?? []) {
    const name = a.variadic ? `${a.name}...` : a.name;
    cmd.argument(a.required ? `<${name}>` : `[${name}]`, a.description, a.default);
  }
  for (const o of spec.options ?? []) {
    const option = new Option(o.flags, o.description);
    if (o.choices) option.choices(o.choices);
    if (o.repeatable) option.argParser(collect);
    else if (o.parse) option.argParser((v: string) => o.parse!(v));
    if (o.default !== undefined) option.default(o.default);
    cmd.addOption(option);
  }
  if (spec.examples?.length)
    cmd.addHelpText("after", `\nExamples:\n${spec.examples.map((e) => `  $ ${e}`).join("\n")}\n`);
  cmd.action(async (...params: unknown[]) => {
    const command = params[params.length - 1] as Command;
    const args =
      command.args.length > 0
        ? (command.processedArgs.flat().filter((x) => x !== undefined) as string[])
        : (spec.args ?? []).flatMap((a) => (a.default ? [a.default] : []));
    const options = command.opts();
    const paths = commandPaths(spec, args, options);
    checkDistinctPaths(paths.inputs, paths.outputs);
    exit.code = await spec.run({ args, options, io });
  });
  return cmd;
}

/**
 * Run the CLI with `argv` (without `node` and the script); resolves to the exit code. Never throws: an error
 * that is not a `ChokepointError` prints one line naming the command and what failed (the stack with
 * `--debug` or CHOKEPOINT_DEBUG=1) and exits 3.
 */
export async function run(argv: string[], rawIo: CliIO = processIO()): Promise<number> {
  const debug = argv.includes("--debug") || process.env.CHOKEPOINT_DEBUG === "1";
  argv = argv.filter((a) => a !== "--debug");
  // every text leaves through here: control characters in data never reach a terminal raw
  const io: CliIO = {
    ...rawIo,
    stdout: (text) => rawIo.stdout(escapeControls(text)),
    stderr: (text) => rawIo.stderr(escapeControls(text)),
  };
  const exit = { code: 0 };
  const program = new Command("chokepoint")
    .description("Supply-chain chokepoint analysis: what breaks, where, for whom and for how long.")
    .showHelpAfterError("(add --help for usage)")
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .exitOverride();
  for (const spec of COMMANDS)
    program.addCommand(
      buildCommand(spec, io, exit)
        .exitOverride()
        .configureOutput({ writeOut: io.stdout, writeErr: io.stderr }),
    );
  try {
    await program.parseAsync(argv, { from: "user" });
    return exit.code;
  } catch (e) {
    if (e instanceof CommanderError) {
      // help and version are "errors" to commander; everything else is a usage error
      return e.exitCode === 0 || e.code === "commander.helpDisplayed" || e.code === "commander.help" ? 0 : 2;
    }
    if (e instanceof GraphFileError) {
      for (const p of e.problems) io.stderr(`${e.file}: ${formatProblem(p)}\n`);
      return 2;
    }
    if (e instanceof ChokepointError) {
      io.stderr(`chokepoint: ${e.message} [${e.code}]\n`);
      return 2;
    }
    const name = COMMANDS.find((c) => argv.includes(c.name))?.name;
    io.stderr(`${describeCrash(name, e)}\n`);
    if (debug && e instanceof Error && e.stack) io.stderr(`${e.stack}\n`);
    return EXIT_INTERNAL;
  }
}

/** `run` for the real process: stdout errors (EPIPE, ENOSPC) and a closed stdout end in one line, not a trace. */
export async function runProcess(argv: string[]): Promise<number> {
  return run(argv, guardProcessIO(argv));
}
