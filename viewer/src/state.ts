/**
 * The viewer's state: one plain, serialisable object; named actions are pure functions State → State; an undo
 * history of scenario changes; the URL-hash encoding that makes a view shareable. Nothing here touches the DOM,
 * sigma or the graph, so it is unit-tested in Node.
 */
import { cutText, parseCut } from "../../src/scenario/selectors.js";
import type { EdgeCut, Scenario } from "../../src/scenario/types.js";

export type LayoutName = "map" | "tiers" | "force";
export const LAYOUTS: readonly LayoutName[] = ["map", "tiers", "force"];
export type ColorBy = "country" | "stage";
export type SizeBy = "capacity" | "throughput";

/**
 * A cut of the edges from one country to another (`*` = any other country), optionally of one material and with
 * an origin condition: the library's `EdgeCut`, written in the CLI's `--cut` syntax in links and chips.
 */
export type CountryCut = Pick<EdgeCut, "from" | "to" | "material" | "origin">;

/** Everything a user sets; derived data (analysis results, positions) is never stored here. */
export interface State {
  /** Bundled graph name (`rare-earths-2025`), `local` (given to `chokepoint view`) or `file:<name>` (dropped). */
  graph: string;
  layout: LayoutName;
  /** A bundled scenario or lever (`scenario:no-china`, `lever:...`), or null for the baseline. */
  preset: string | null;
  /** Countries toggled off, sorted. */
  removedCountries: string[];
  /** Nodes removed by clicking, sorted. */
  removedNodes: string[];
  /** Country pairs cut, sorted by from then to. */
  cuts: CountryCut[];
  /** Bring planned facilities online. */
  includePlanned: boolean;
  selected: string | null;
  colorBy: ColorBy;
  sizeBy: SizeBy;
  /** The two countries of the compare panel. */
  compare: [string, string];
}

export const DEFAULT_STATE: State = {
  graph: "rare-earths-2025",
  layout: "map",
  preset: null,
  removedCountries: [],
  removedNodes: [],
  cuts: [],
  includePlanned: false,
  selected: null,
  colorBy: "country",
  sizeBy: "capacity",
  compare: ["JP", "US"],
};

const sorted = (xs: Iterable<string>): string[] => [...new Set(xs)].sort();
const cutKey = (c: CountryCut): string => cutText(c);

/** Turn a country off, or back on. */
export function toggleCountry(state: State, country: string): State {
  const on = state.removedCountries.includes(country);
  return {
    ...state,
    removedCountries: on
      ? state.removedCountries.filter((c) => c !== country)
      : sorted([...state.removedCountries, country]),
  };
}

/** Remove a node, or restore it when it was removed by a click. */
export function toggleNode(state: State, node: string): State {
  const on = state.removedNodes.includes(node);
  return {
    ...state,
    removedNodes: on ? state.removedNodes.filter((n) => n !== node) : sorted([...state.removedNodes, node]),
  };
}

/** Cut the edges from one country to another, or restore them when already cut. */
export function toggleCut(state: State, cut: CountryCut): State {
  const key = cutKey(cut);
  const has = state.cuts.some((c) => cutKey(c) === key);
  const cuts = has ? state.cuts.filter((c) => cutKey(c) !== key) : [...state.cuts, { ...cut }];
  cuts.sort((a, b) => (cutKey(a) < cutKey(b) ? -1 : cutKey(a) > cutKey(b) ? 1 : 0));
  return { ...state, cuts };
}

/** Pick a bundled scenario or lever (null = baseline); the user's own toggles stay and add to it. */
export function setPreset(state: State, preset: string | null): State {
  return { ...state, preset };
}

export function setIncludePlanned(state: State, includePlanned: boolean): State {
  return { ...state, includePlanned };
}

/** Back to the baseline: no preset, nothing removed or cut. */
export function resetScenario(state: State): State {
  return { ...state, preset: null, removedCountries: [], removedNodes: [], cuts: [], includePlanned: false };
}

export function select(state: State, node: string | null): State {
  return { ...state, selected: node };
}

export function setLayout(state: State, layout: LayoutName): State {
  return { ...state, layout };
}

export function setColorBy(state: State, colorBy: ColorBy): State {
  return { ...state, colorBy };
}

export function setSizeBy(state: State, sizeBy: SizeBy): State {
  return { ...state, sizeBy };
}

export function setCompare(state: State, compare: [string, string]): State {
  return { ...state, compare };
}

/** A new graph: the scenario and selection refer to the old graph's ids, so they are dropped. */
export function setGraph(state: State, graph: string): State {
  return { ...resetScenario(state), graph, selected: null };
}

/** The part of the state that the scenario (and so the analyses) depends on. */
export function scenarioKey(state: State): string {
  return JSON.stringify([
    state.graph,
    state.preset,
    state.removedCountries,
    state.removedNodes,
    state.cuts,
    state.includePlanned,
  ]);
}

/**
 * The scenario the library analyses: the preset's rules, plus the user's country toggles, node removals and
 * cuts (all unions, as scenario rules compose).
 */
export function scenarioFromState(state: State, preset: Scenario | null): Scenario {
  const remove = [
    ...(preset?.remove ?? []),
    ...state.removedCountries.map((country) => ({ country })),
    ...state.removedNodes.map((node) => ({ node })),
  ];
  const cut = [...(preset?.cut ?? []), ...state.cuts.map((c) => ({ ...c }))];
  const parts = [
    preset?.name,
    ...state.removedCountries.map((c) => `without ${c}`),
    ...state.removedNodes.map((n) => `without ${n}`),
    ...state.cuts.map((c) => `cut ${cutKey(c)}`),
  ].filter((p): p is string => p !== undefined);
  const scenario: Scenario = { name: parts.length > 0 ? parts.join(", ") : "baseline" };
  if (preset?.description) scenario.description = preset.description;
  if (remove.length > 0) scenario.remove = remove;
  if (cut.length > 0) scenario.cut = cut;
  if (preset?.scale) scenario.scale = preset.scale;
  if (state.includePlanned || preset?.includePlanned) scenario.includePlanned = true;
  if (preset?.year !== undefined) scenario.year = preset.year;
  return scenario;
}

/** Undo/redo over whole states: each entry is a state the user can go back to. */
export interface History {
  past: State[];
  present: State;
  future: State[];
}

/** How many steps undo remembers. */
export const HISTORY_LIMIT = 100;

export function createHistory(present: State): History {
  return { past: [], present, future: [] };
}

/** Record a new state (a no-op when nothing changed); clears the redo list. */
export function commit(history: History, next: State): History {
  if (JSON.stringify(next) === JSON.stringify(history.present)) return history;
  return { past: [...history.past, history.present].slice(-HISTORY_LIMIT), present: next, future: [] };
}

/** Replace the present without an undo step (selection, hover: not worth undoing). */
export function replace(history: History, next: State): History {
  return { ...history, present: next };
}

export function undo(history: History): History {
  const previous = history.past[history.past.length - 1];
  if (!previous) return history;
  return { past: history.past.slice(0, -1), present: previous, future: [history.present, ...history.future] };
}

export function redo(history: History): History {
  const next = history.future[0];
  if (!next) return history;
  return { past: [...history.past, history.present], present: next, future: history.future.slice(1) };
}

/** A cut in the `--cut` syntax (`CN>JP`, `*>*:NdFeB-magnet@CN>=0.1%value`), or null when it cannot be read. */
export function readCut(text: string): CountryCut | null {
  try {
    const cut = parseCut(text);
    return cut.from === cut.to && cut.from !== "*" ? null : cut;
  } catch {
    return null; // user input (a link or the rule field): refused quietly here, reported by the panel
  }
}

/** Encode a state as a URL hash (`#g=...&l=map&...`); defaults are left out so links stay short. */
export function encodeHash(state: State): string {
  const p = new URLSearchParams();
  p.set("g", state.graph);
  if (state.layout !== DEFAULT_STATE.layout) p.set("l", state.layout);
  if (state.preset) p.set("p", state.preset);
  if (state.removedCountries.length) p.set("rc", state.removedCountries.join(","));
  if (state.removedNodes.length) p.set("rn", JSON.stringify(state.removedNodes));
  if (state.cuts.length) p.set("cut", state.cuts.map(cutKey).join(","));
  if (state.includePlanned) p.set("planned", "1");
  if (state.selected !== null) p.set("sel", state.selected);
  if (state.colorBy !== DEFAULT_STATE.colorBy) p.set("c", state.colorBy);
  if (state.sizeBy !== DEFAULT_STATE.sizeBy) p.set("s", state.sizeBy);
  if (state.compare.join(",") !== DEFAULT_STATE.compare.join(",")) p.set("cmp", state.compare.join(","));
  return `#${p.toString()}`;
}

/**
 * Decode a URL hash into a state. Anything malformed falls back to the default for that field, never throws:
 * a hash is user input. Node ids are checked against the graph later (unknown ones are reported and dropped).
 */
export function decodeHash(hash: string): State {
  const p = new URLSearchParams(hash.replace(/^#/, ""));
  const state: State = { ...DEFAULT_STATE, compare: [...DEFAULT_STATE.compare] };
  const g = p.get("g");
  if (g) state.graph = g;
  const l = p.get("l");
  if (l && (LAYOUTS as readonly string[]).includes(l)) state.layout = l as LayoutName;
  const preset = p.get("p");
  if (preset && /^(scenario|lever):[\w.-]+$/.test(preset)) state.preset = preset;
  const rc = p.get("rc");
  if (rc) state.removedCountries = sorted(rc.split(",").filter((c) => /^[A-Z]{2}$/.test(c)));
  const rn = p.get("rn");
  if (rn) {
    try {
      const ids: unknown = JSON.parse(rn);
      if (Array.isArray(ids))
        state.removedNodes = sorted(ids.filter((x): x is string => typeof x === "string"));
    } catch {
      // a mangled list: keep no removals rather than fail the whole view
    }
  }
  const cut = p.get("cut");
  if (cut) {
    let s = state;
    for (const part of cut.split(",")) {
      const rule = readCut(part);
      if (rule) s = toggleCut(s, rule);
    }
    state.cuts = s.cuts;
  }
  state.includePlanned = p.get("planned") === "1";
  const sel = p.get("sel");
  if (sel) state.selected = sel;
  const c = p.get("c");
  if (c === "country" || c === "stage") state.colorBy = c;
  const s = p.get("s");
  if (s === "capacity" || s === "throughput") state.sizeBy = s;
  const cmp = p.get("cmp")?.split(",");
  if (cmp?.length === 2 && cmp.every((x) => /^[A-Z]{2}$/.test(x))) state.compare = [cmp[0]!, cmp[1]!];
  return state;
}
