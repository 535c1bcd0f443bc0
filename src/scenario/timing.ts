/**
 * Disruption windows: when a scenario, or one of its rules, starts and how long it lasts (for `simulate`).
 * A rule's own `startDay` / `durationDays` replace the scenario's; the scenario's default to day 0 and the whole
 * horizon, so an untimed scenario is the permanent disruption the yearly analyses assume.
 */
import { type DisruptionWindow, type NodeSelector, SELECTOR_KEYS, type Scenario } from "./types.js";

/** The timing keys a scenario and each of its rules may carry. */
export interface Timed {
  startDay?: number | undefined;
  durationDays?: number | undefined;
}

/** The scenario's own window: top-level `startDay` (default 0) and `durationDays` (default: to the end). */
export function scenarioWindow(scenario: Timed): DisruptionWindow {
  return { startDay: scenario.startDay ?? 0, durationDays: scenario.durationDays ?? null };
}

/** A rule's window: its own keys where given, else the scenario's. */
export function ruleWindow(rule: Timed, scenario: DisruptionWindow): DisruptionWindow {
  return {
    startDay: rule.startDay ?? scenario.startDay,
    durationDays: rule.durationDays ?? scenario.durationDays,
  };
}

/** True when a remove rule names a single node and nothing else (timing keys aside). */
export function isNodeOnly(rule: NodeSelector): boolean {
  return SELECTOR_KEYS.every((k) => k === "node" || rule[k] === undefined) && rule.node !== undefined;
}

/** Whether `day` falls inside the window (start inclusive, end exclusive). */
export function windowCovers(window: DisruptionWindow, day: number): boolean {
  return (
    day >= window.startDay && (window.durationDays === null || day < window.startDay + window.durationDays)
  );
}

/** The last day + 1 of the window; +Infinity when it lasts to the end of the horizon. */
export function windowEnd(window: DisruptionWindow): number {
  return window.durationDays === null ? Number.POSITIVE_INFINITY : window.startDay + window.durationDays;
}

/**
 * A copy of `scenario` whose rules carry the scenario's timing themselves, and no top-level timing: scenarios
 * with different timings can then be composed into one without one's window leaking onto the other's rules.
 */
export function pushTimingIntoRules(scenario: Scenario): Scenario {
  const { startDay, durationDays, ...rest } = scenario;
  if (startDay === undefined && durationDays === undefined) return scenario;
  const stamp = <R extends Timed>(rule: R): R => {
    const out = { ...rule };
    const s = rule.startDay ?? startDay;
    const d = rule.durationDays ?? durationDays;
    if (s !== undefined) out.startDay = s;
    if (d !== undefined) out.durationDays = d;
    return out;
  };
  const out: Scenario = { ...rest };
  if (scenario.remove) out.remove = scenario.remove.map(stamp);
  if (scenario.cut) out.cut = scenario.cut.map(stamp);
  if (scenario.scale) out.scale = scenario.scale.map(stamp);
  return out;
}
