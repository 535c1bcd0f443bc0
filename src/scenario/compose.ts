/** Build scenarios from CLI flags and compose several into one (their disruptions add up). */
import { parseCut, parseScale, parseSelector, parseUncertainty } from "./selectors.js";
import { pushTimingIntoRules } from "./timing.js";
import type { Scenario } from "./types.js";

/** The scenario flags every analysis command accepts. */
export interface ScenarioFlags {
  remove?: string[];
  cut?: string[];
  scale?: string[];
  includePlanned?: boolean;
  year?: number;
  /** `[selector:]attribute:relative` rules (see `parseUncertainty`). */
  uncertainty?: string[];
}

/** A scenario from `--remove`, `--cut`, `--scale`, `--include-planned`, `--year`. @throws ScenarioError */
export function scenarioFromFlags(flags: ScenarioFlags, name = "custom"): Scenario {
  const scenario: Scenario = { name };
  if (flags.remove?.length) scenario.remove = flags.remove.map(parseSelector);
  if (flags.cut?.length) scenario.cut = flags.cut.map(parseCut);
  if (flags.scale?.length) scenario.scale = flags.scale.map(parseScale);
  if (flags.includePlanned) scenario.includePlanned = true;
  if (flags.year !== undefined) scenario.year = flags.year;
  if (flags.uncertainty?.length) scenario.uncertainty = flags.uncertainty.map(parseUncertainty);
  return scenario;
}

/** True when the flags disrupt nothing. */
export function isEmptyScenario(s: Scenario): boolean {
  return (
    !s.remove?.length &&
    !s.cut?.length &&
    !s.scale?.length &&
    !s.includePlanned &&
    s.year === undefined &&
    !s.uncertainty?.length
  );
}

/** The timing keys of a scenario as one comparable string. */
function timingOf(s: Scenario): string {
  return JSON.stringify([s.startDay, s.durationDays, s.startDate, s.endDate]);
}

/**
 * One scenario doing everything the given ones do; names joined with `+`. When the parts are timed differently,
 * each part's timing moves into its own rules, so every rule keeps the window it had.
 */
export function composeScenarios(parts: Scenario[]): Scenario {
  if (parts.length === 1) return parts[0]!;
  const same = parts.every((s) => timingOf(s) === timingOf(parts[0]!));
  const scenarios = same ? parts : parts.map(pushTimingIntoRules);
  const out: Scenario = { name: scenarios.map((s) => s.name).join("+") };
  if (same) {
    const first = parts[0]!;
    if (first.startDay !== undefined) out.startDay = first.startDay;
    if (first.durationDays !== undefined) out.durationDays = first.durationDays;
    if (first.startDate !== undefined) out.startDate = first.startDate;
    if (first.endDate !== undefined) out.endDate = first.endDate;
  } else {
    const dates = parts.map((s) => s.startDate).filter((d): d is string => d !== undefined);
    if (dates.length) out.startDate = dates.sort()[0]!; // informative: the earliest part's start
  }
  const descriptions = scenarios.map((s) => s.description).filter((d): d is string => !!d);
  if (descriptions.length) out.description = descriptions.join(" ");
  const remove = scenarios.flatMap((s) => s.remove ?? []);
  const cut = scenarios.flatMap((s) => s.cut ?? []);
  const scale = scenarios.flatMap((s) => s.scale ?? []);
  const sources = scenarios.flatMap((s) => s.sources ?? []);
  if (remove.length) out.remove = remove;
  if (cut.length) out.cut = cut;
  if (scale.length) out.scale = scale;
  if (sources.length) out.sources = sources;
  const uncertainty = scenarios.flatMap((s) => s.uncertainty ?? []);
  if (uncertainty.length) out.uncertainty = uncertainty;
  if (scenarios.some((s) => s.includePlanned)) out.includePlanned = true;
  const years = scenarios.map((s) => s.year).filter((y): y is number => y !== undefined);
  if (years.length) out.year = Math.max(...years);
  return out;
}

/**
 * The scenario with uncertainty rules added. `--uncertainty` says how sure the data is, not what is disrupted:
 * it keeps the scenario's name and its disruptions (a default scenario stays the default).
 */
export function withUncertainty(scenario: Scenario, rules: Scenario["uncertainty"]): Scenario {
  return rules?.length ? { ...scenario, uncertainty: [...(scenario.uncertainty ?? []), ...rules] } : scenario;
}
