/** The scenario options shared by every analysis command, and how they become one Scenario. */
import { loadScenario } from "../io/load-scenario.js";
import { UsageError } from "../model/errors.js";
import {
  composeScenarios,
  isEmptyScenario,
  scenarioFromFlags,
  withUncertainty,
} from "../scenario/compose.js";
import type { Scenario } from "../scenario/types.js";
import type { OptionSpec } from "./_command.js";

function parseYear(value: string): number {
  const year = Number(value);
  if (!Number.isInteger(year)) throw new UsageError(`--year "${value}" is not a year`, "e.g. --year 2028");
  return year;
}

/** `--scenario`, `--remove`, `--cut`, `--scale`, `--include-planned`, `--year`. */
export const SCENARIO_OPTIONS: OptionSpec[] = [
  {
    flags: "--scenario <name>",
    description:
      "bundled scenario name (graphs/scenarios/) or a scenario .json file; repeatable, they compose",
    repeatable: true,
  },
  {
    flags: "--remove <selector>",
    description:
      "remove nodes: node=<id>, country=CN, stage=refinery, operator=..., status=..., output=...; 'a=x,b=y' is AND; repeatable (union)",
    repeatable: true,
  },
  {
    flags: "--cut <cut>",
    description:
      "cut edges between countries: 'CN>JP', 'CN>*:DyTb-oxide' (* = any other country); an origin rule adds @ORIGIN>=SHARE, e.g. '*>*:NdFeB-magnet@CN>=0.1%' (goods from outside CN whose Chinese content is worth 0.1% or more of their value; '...mass' by rare-earth mass); repeatable",
    repeatable: true,
  },
  {
    flags: "--scale <rule>",
    description: "scale capacities: 'country=CN:0.5'; repeatable",
    repeatable: true,
  },
  {
    flags: "--include-planned",
    description: "bring planned and under-construction facilities online",
    default: false,
  },
  {
    flags: "--year <year>",
    description: "bring online the pipeline facilities due by this year",
    parse: parseYear,
  },
];

/**
 * The scenario the options describe: `--scenario` files composed with the flags; when neither is given,
 * `fallback` (e.g. "no-china" for analyze; undefined = the baseline).
 * @throws ScenarioError for unknown names or selectors that cannot be read
 */
export function scenarioFromOptions(options: Record<string, unknown>, fallback?: string): Scenario {
  const names = (options.scenario as string[] | undefined) ?? [];
  const flags = scenarioFromFlags({
    remove: options.remove as string[] | undefined,
    cut: options.cut as string[] | undefined,
    scale: options.scale as string[] | undefined,
    includePlanned: options.includePlanned === true,
    year: options.year as number | undefined,
    uncertainty: options.uncertainty as string[] | undefined,
  });
  const { uncertainty, ...disruptions } = flags;
  const parts = names.map(loadScenario);
  if (!isEmptyScenario(disruptions)) parts.push(disruptions);
  const scenario =
    parts.length === 0 ? (fallback ? loadScenario(fallback) : { name: "baseline" }) : composeScenarios(parts);
  return withUncertainty(scenario, uncertainty);
}
