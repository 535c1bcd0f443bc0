/**
 * The Monte Carlo options shared by `flow`, `compare`, `levers` and `sensitivity` (docs/uncertainty.md), and
 * the progress shown on stderr while samples are solved.
 */
import { availableParallelism } from "node:os";
import cliProgress from "cli-progress";
import { UsageError } from "../model/errors.js";
import { DISTRIBUTIONS, type Distribution } from "../uncertainty/draws.js";
import type { CliIO, OptionSpec } from "./_command.js";

function positiveInteger(flag: string, example: string) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isSafeInteger(n) || n < 1)
      throw new UsageError(`${flag} "${value}" is not a positive integer`, `e.g. ${flag} ${example}`);
    return n;
  };
}

function parseSeed(value: string): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < 0)
    throw new UsageError(`--seed "${value}" is not a non-negative integer`, "e.g. --seed 1");
  return n;
}

/** `--samples`, `--seed`, `--distribution`, `--uncertainty`, `--threads`. */
export const SAMPLING_OPTIONS: OptionSpec[] = [
  {
    flags: "--samples <n>",
    description: "Monte Carlo over the ranged values: report 5th-95th percentile intervals from n samples",
    parse: positiveInteger("--samples", "1000"),
  },
  { flags: "--seed <seed>", description: "seed of the Monte Carlo draws", default: 1, parse: parseSeed },
  {
    flags: "--distribution <law>",
    description: "how a ranged value is drawn: triangular (mode at the file's value) or uniform",
    default: "triangular",
    choices: DISTRIBUTIONS,
  },
  {
    flags: "--uncertainty <rule>",
    description:
      "a relative range on values the file gives none: [selector:]attribute:relative, e.g. 'capacity:0.3' or 'stage=refinery:capacity:0.2'; repeatable",
    repeatable: true,
  },
  {
    flags: "--threads <n>",
    description: "worker threads for the samples (default: the number of cores); results do not depend on it",
    parse: positiveInteger("--threads", "2"),
  },
];

/** The sampling settings of parsed options; null without `--samples`. */
export function samplingFromOptions(
  options: Record<string, unknown>,
): { samples: number; seed: number; distribution: Distribution; threads: number } | null {
  if (options.samples === undefined) return null;
  return {
    samples: options.samples as number,
    seed: (options.seed as number | undefined) ?? 1,
    distribution: (options.distribution as Distribution | undefined) ?? "triangular",
    threads: (options.threads as number | undefined) ?? availableParallelism(),
  };
}

/**
 * Progress of a sampled run on stderr: nothing during the first second, then a bar when stderr is a terminal,
 * else a line per 10%.
 */
export function samplingProgress(io: CliIO, label: string) {
  const start = Date.now();
  let bar: cliProgress.SingleBar | undefined;
  let lastTenth = -1;
  const stop = () => {
    bar?.stop();
    bar = undefined;
  };
  const onProgress = (done: number, total: number) => {
    if (Date.now() - start < 1000 && !bar) return;
    if (io.stderrIsTTY) {
      if (!bar) {
        bar = new cliProgress.SingleBar(
          { format: `${label} [{bar}] {value}/{total}`, stream: process.stderr, clearOnComplete: true },
          cliProgress.Presets.shades_classic,
        );
        bar.start(total, done);
      } else bar.update(done);
      if (done >= total) stop();
    } else {
      const tenth = Math.floor((done / total) * 10);
      if (tenth > lastTenth) {
        lastTenth = tenth;
        io.stderr(`${label}: ${done}/${total} (${Math.round((done / total) * 100)}%)\n`);
      }
    }
  };
  return { onProgress, stop };
}
