import fc from "fast-check";
import { describe, expect, test } from "vitest";
import {
  commit,
  createHistory,
  DEFAULT_STATE,
  decodeHash,
  encodeHash,
  HISTORY_LIMIT,
  readCut,
  redo,
  replace,
  resetScenario,
  type State,
  scenarioFromState,
  scenarioKey,
  select,
  setGraph,
  setLayout,
  toggleCountry,
  toggleCut,
  toggleNode,
  undo,
} from "../../viewer/src/state.js";

describe("decodeHash: malformed input falls back to defaults, never throws", () => {
  test.each([
    "",
    "#",
    "#l=globe",
    "#rc=cn,CHN,<img>",
    "#rn=not-json",
    "#rn=%7B%7D",
    "#cut=CN,>JP,CN>CN",
    "#cmp=JP",
    "#p=javascript:alert(1)",
    "#c=size&s=colour",
  ])("%s", (hash) => {
    const s = decodeHash(hash);
    expect(s.layout).toBe("map");
    expect(s.removedCountries).toEqual([]);
    expect(s.removedNodes).toEqual([]);
    expect(s.cuts).toEqual([]);
    expect(s.preset).toBeNull();
    expect(s.compare).toEqual(["JP", "US"]);
    expect(s.colorBy).toBe("country");
    expect(s.sizeBy).toBe("capacity");
  });

  test("any string decodes to a state of the right shape", () => {
    fc.assert(
      fc.property(fc.string(), (hash) => {
        const s = decodeHash(hash);
        expect(["map", "tiers", "force"]).toContain(s.layout);
        expect(s.removedCountries.every((c) => /^[A-Z]{2}$/.test(c))).toBe(true);
      }),
    );
  });
});

describe("encodeHash / decodeHash", () => {
  test("the default state gives a short hash", () => {
    expect(encodeHash(DEFAULT_STATE)).toBe("#g=rare-earths-2025");
  });

  test("a full state round-trips, ids with odd characters included", () => {
    const state: State = {
      graph: "rare-earths-2010",
      layout: "tiers",
      preset: "scenario:no-china",
      removedCountries: ["CN", "MM"],
      removedNodes: ["a,b", "x&y=z", "<img src=x onerror=alert(1)>"].sort(),
      cuts: [
        { from: "CN", to: "*" },
        { from: "CN", to: "JP" },
      ],
      includePlanned: true,
      selected: "toyota #1",
      colorBy: "stage",
      sizeBy: "throughput",
      compare: ["DE", "KR"],
    };
    expect(decodeHash(encodeHash(state))).toEqual(state);
  });

  test("round-trip holds for generated states", () => {
    const id = fc.string({ minLength: 1, maxLength: 12 });
    const code = fc.constantFrom("CN", "JP", "US", "AU", "MM");
    fc.assert(
      fc.property(
        fc.uniqueArray(id, { maxLength: 5 }),
        fc.uniqueArray(code),
        fc.option(id),
        (nodes, countries, sel) => {
          let s: State = { ...DEFAULT_STATE, selected: sel };
          for (const n of nodes) s = toggleNode(s, n);
          for (const c of countries) s = toggleCountry(s, c);
          expect(decodeHash(encodeHash(s))).toEqual(s);
        },
      ),
    );
  });
});

describe("actions", () => {
  test("toggleCountry removes then restores, keeping the list sorted", () => {
    let s = toggleCountry(DEFAULT_STATE, "MM");
    s = toggleCountry(s, "CN");
    expect(s.removedCountries).toEqual(["CN", "MM"]);
    expect(toggleCountry(s, "MM").removedCountries).toEqual(["CN"]);
  });

  test("toggleNode and toggleCut are their own inverse", () => {
    expect(toggleNode(toggleNode(DEFAULT_STATE, "a"), "a")).toEqual(DEFAULT_STATE);
    const cut = { from: "CN", to: "JP" };
    expect(toggleCut(toggleCut(DEFAULT_STATE, cut), cut)).toEqual(DEFAULT_STATE);
  });

  test("a cut in the --cut syntax, origin rule included, survives the link and reaches the scenario", () => {
    const rule = readCut("*>*:NdFeB-magnet@CN>=0.1%")!;
    expect(rule).toEqual({
      from: "*",
      to: "*",
      material: "NdFeB-magnet",
      origin: { country: "CN", atLeast: 0.001, basis: "value" },
    });
    const s = toggleCut(toggleCut(DEFAULT_STATE, { from: "CN", to: "JP" }), rule);
    const back = decodeHash(encodeHash(s));
    expect(back.cuts).toEqual(s.cuts);
    expect(scenarioFromState(back, null).cut).toContainEqual(rule);
    expect(scenarioFromState(back, null).name).toContain("cut *>*:NdFeB-magnet@CN>=0.1%value");
    // unreadable rules in a link are dropped, never thrown
    expect(decodeHash("#g=x&cut=CN>JP,*>*@CN>=0%25,garbage").cuts).toEqual([{ from: "CN", to: "JP" }]);
    expect(readCut("JP>JP")).toBeNull();
  });

  test("actions never mutate their input", () => {
    const s = structuredClone(DEFAULT_STATE);
    toggleCountry(s, "CN");
    toggleNode(s, "a");
    toggleCut(s, { from: "CN", to: "US" });
    expect(s).toEqual(DEFAULT_STATE);
  });

  test("resetScenario keeps the view (layout, selection) and drops the disruption", () => {
    const s = setLayout(select(toggleNode(toggleCountry(DEFAULT_STATE, "CN"), "a"), "a"), "tiers");
    const r = resetScenario(s);
    expect(r).toMatchObject({
      removedCountries: [],
      removedNodes: [],
      cuts: [],
      layout: "tiers",
      selected: "a",
    });
  });

  test("setGraph drops ids of the old graph", () => {
    const s = setGraph(select(toggleNode(DEFAULT_STATE, "a"), "a"), "rare-earths-2010");
    expect(s).toMatchObject({ graph: "rare-earths-2010", removedNodes: [], selected: null });
  });

  test("scenarioKey ignores view-only changes", () => {
    const k = scenarioKey(DEFAULT_STATE);
    expect(scenarioKey(setLayout(select(DEFAULT_STATE, "x"), "force"))).toBe(k);
    expect(scenarioKey(toggleCountry(DEFAULT_STATE, "CN"))).not.toBe(k);
  });
});

describe("scenarioFromState", () => {
  test("baseline", () => {
    expect(scenarioFromState(DEFAULT_STATE, null)).toEqual({ name: "baseline" });
  });

  test("user toggles add to the preset's rules", () => {
    let s = toggleCountry(DEFAULT_STATE, "CN");
    s = toggleNode(s, "lynas");
    s = toggleCut(s, { from: "JP", to: "US" });
    const preset = {
      name: "myanmar-border-closure",
      description: "Kachin",
      remove: [{ country: "MM" }],
      cut: [{ from: "CN", to: "*", material: "DyTb-oxide" }],
      year: 2028,
    };
    expect(scenarioFromState(s, preset)).toEqual({
      name: "myanmar-border-closure, without CN, without lynas, cut JP>US",
      description: "Kachin",
      remove: [{ country: "MM" }, { country: "CN" }, { node: "lynas" }],
      cut: [
        { from: "CN", to: "*", material: "DyTb-oxide" },
        { from: "JP", to: "US" },
      ],
      year: 2028,
    });
  });
});

describe("undo / redo", () => {
  test("undo walks back, redo forward, a new commit clears redo", () => {
    let h = createHistory(DEFAULT_STATE);
    const a = toggleCountry(DEFAULT_STATE, "CN");
    const b = toggleCountry(a, "MM");
    h = commit(commit(h, a), b);
    h = undo(h);
    expect(h.present).toEqual(a);
    h = undo(h);
    expect(h.present).toEqual(DEFAULT_STATE);
    expect(undo(h)).toBe(h);
    h = redo(h);
    expect(h.present).toEqual(a);
    h = commit(h, toggleNode(a, "x"));
    expect(h.future).toEqual([]);
    expect(redo(h)).toBe(h);
  });

  test("committing an identical state adds no step; replace adds none either", () => {
    const h = createHistory(DEFAULT_STATE);
    expect(commit(h, { ...DEFAULT_STATE })).toBe(h);
    expect(replace(h, select(DEFAULT_STATE, "a")).past).toEqual([]);
  });

  test("the history is bounded", () => {
    let h = createHistory(DEFAULT_STATE);
    for (let i = 0; i < HISTORY_LIMIT + 20; i++) h = commit(h, toggleNode(h.present, `n${i}`));
    expect(h.past.length).toBe(HISTORY_LIMIT);
  });
});
