/**
 * Scenario controls: a bundled scenario or lever, countries on/off, cuts between two countries, planned
 * facilities, reset. Every change is undoable and re-runs the analyses.
 */
import { el, replaceChildren } from "../dom.js";
import { countryColor } from "../encodings.js";
import { cutText } from "../../../src/scenario/selectors.js";
import {
  type CountryCut,
  readCut,
  resetScenario,
  setIncludePlanned,
  setPreset,
  toggleCountry,
  toggleCut,
} from "../state.js";
import type { Actions, Panel, View } from "./types.js";

export function scenarioPanel(container: HTMLElement, actions: Actions): Panel {
  const preset = el("select", { id: "preset", "aria-label": "Bundled scenario or lever" });
  preset.addEventListener("change", () => {
    const value = preset.value || null;
    actions.dispatch((s) => setPreset(s, value), { undoable: true });
  });
  const description = el("p", { class: "hint", id: "preset-description" });
  const countries = el("ul", { id: "countries", class: "countries" });
  const cutFrom = el("select", { id: "cut-from", "aria-label": "Cut from country" });
  const cutTo = el("select", { id: "cut-to", "aria-label": "Cut to country" });
  const cutButton = el("button", { type: "button", id: "cut-add" }, "Cut");
  cutButton.addEventListener("click", () => {
    if (cutFrom.value && cutTo.value && cutFrom.value !== cutTo.value) {
      const cut = { from: cutFrom.value, to: cutTo.value };
      actions.dispatch((s) => toggleCut(s, cut), { undoable: true });
    }
  });
  // Any cut the CLI's --cut takes, origin rules included (e.g. Announcement 61's 0.1% value test).
  const ruleInput = el("input", {
    type: "text",
    id: "cut-rule",
    "aria-label": "Cut rule in the --cut syntax",
    placeholder: "*>*:NdFeB-magnet@CN>=0.1%",
  });
  const ruleButton = el("button", { type: "button", id: "cut-rule-add" }, "Cut");
  const ruleProblem = el("p", { class: "hint", id: "cut-rule-problem" });
  const addRule = () => {
    const rule = readCut(ruleInput.value);
    ruleProblem.textContent = rule
      ? ""
      : `Cannot read "${ruleInput.value}": use FROM>TO[:material][@ORIGIN>=SHARE%[value|mass]], e.g. CN>JP:DyTb-oxide or *>*:NdFeB-magnet@CN>=0.1%.`;
    if (rule) actions.dispatch((s) => toggleCut(s, rule), { undoable: true });
  };
  ruleButton.addEventListener("click", addRule);
  ruleInput.addEventListener("keydown", (event) => {
    if ((event as KeyboardEvent).key === "Enter") addRule();
  });
  const cuts = el("ul", { id: "cuts", class: "chips" });
  const planned = el("input", { type: "checkbox", id: "include-planned" });
  planned.addEventListener("change", () =>
    actions.dispatch((s) => setIncludePlanned(s, planned.checked), { undoable: true }),
  );
  const reset = el("button", { type: "button", id: "reset-scenario" }, "Reset to baseline");
  reset.addEventListener("click", () => actions.dispatch(resetScenario, { undoable: true }));

  container.append(
    el(
      "section",
      { class: "panel", id: "scenario" },
      el("h2", {}, "Scenario"),
      preset,
      description,
      el("h3", {}, "Countries (untick to remove)"),
      countries,
      el("h3", {}, "Cut trade between two countries"),
      el("div", { class: "row" }, cutFrom, el("span", {}, "→"), cutTo, cutButton),
      el("div", { class: "row" }, ruleInput, ruleButton),
      ruleProblem,
      cuts,
      el("label", { class: "row" }, planned, "bring planned facilities online"),
      el("p", { class: "hint" }, "Shift+click a node to remove or restore it."),
      reset,
    ),
  );

  return {
    update(view: View) {
      const { state, encodings } = view;
      const opts = [el("option", { value: "" }, "baseline (no preset)")];
      for (const kind of ["scenario", "lever"] as const) {
        const list = view.presets.filter((p) => p.kind === kind);
        if (list.length === 0) continue;
        const group = el("optgroup", {
          label: kind === "scenario" ? "scenarios" : "levers (each takes one policy pillar away)",
        });
        for (const p of list) {
          group.append(
            el(
              "option",
              { value: p.key, disabled: p.scenario === null, title: p.problem ?? undefined },
              p.scenario === null ? `${p.name} (cannot be applied here)` : p.name,
            ),
          );
        }
        opts.push(group as unknown as HTMLOptionElement);
      }
      replaceChildren(preset, ...opts);
      preset.value = state.preset ?? "";
      const chosen = view.presets.find((p) => p.key === state.preset);
      description.textContent = chosen?.scenario?.description ?? "";

      const items = encodings.countries.map(({ country, nodes }) => {
        const box = el("input", {
          type: "checkbox",
          "data-country": country,
          checked: !state.removedCountries.includes(country),
        });
        box.addEventListener("change", () =>
          actions.dispatch((s) => toggleCountry(s, country), { undoable: true }),
        );
        const swatch = el("span", { class: "swatch" });
        swatch.style.background = countryColor(encodings, country);
        return el("li", {}, el("label", {}, box, swatch, `${country} `, el("small", {}, `(${nodes})`)));
      });
      replaceChildren(countries, ...items);

      const codes = encodings.countries.map((c) => c.country).sort();
      for (const [select, first] of [
        [cutFrom, "from"],
        [cutTo, "to"],
      ] as const) {
        const keep = select.value;
        replaceChildren(
          select,
          el("option", { value: "" }, first),
          ...codes.map((c) => el("option", { value: c }, c)),
          el("option", { value: "*" }, "* (any other)"),
        );
        select.value = keep;
      }
      replaceChildren(
        cuts,
        ...state.cuts.map((c) => {
          const b = el("button", { type: "button", title: "restore this trade" }, `${chipText(c)} ✕`);
          b.addEventListener("click", () => actions.dispatch((s) => toggleCut(s, c), { undoable: true }));
          return el("li", {}, b);
        }),
      );
      planned.checked = state.includePlanned;
    },
  };
}

/** A country pair as "CN → JP"; a cut with a material or an origin condition in the --cut syntax. */
function chipText(cut: CountryCut): string {
  return cut.material === undefined && cut.origin === undefined ? `${cut.from} → ${cut.to}` : cutText(cut);
}
