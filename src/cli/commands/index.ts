/** Every CLI command, in the order `--help` lists them. Add a command: one file, one line here. */
import type { CommandSpec } from "../_command.js";
import { analyzeCommand } from "./analyze.js";
import { compareCommand } from "./compare.js";
import { convertCommand } from "./convert.js";
import { flowCommand } from "./flow.js";
import { generateCommand } from "./generate.js";
import { leversCommand } from "./levers.js";
import { sensitivityCommand } from "./sensitivity.js";
import { simulateCommand } from "./simulate.js";
import { summaryCommand } from "./summary.js";
import { validateCommand } from "./validate.js";
import { viewCommand } from "./view.js";

export const COMMANDS: CommandSpec[] = [
  analyzeCommand,
  summaryCommand,
  validateCommand,
  generateCommand,
  convertCommand,
  flowCommand,
  simulateCommand,
  compareCommand,
  leversCommand,
  sensitivityCommand,
  viewCommand,
];
