/**
 * The timeline panel under the graph: play/pause, a slider over the periods of the simulation, the day shown,
 * and the selected node's served share and stock left at that day (text only, through textContent).
 */
import { el } from "../dom.js";
import type { Timeline } from "../timeline.js";
import { dayLabel, nodeReadout } from "../timeline-view.js";
import type { Panel, View } from "./types.js";

export function timelinePanel(container: HTMLElement, timeline: Timeline): Panel {
  const play = el("button", { id: "timeline-play", type: "button" }, "Play");
  const slider = el("input", {
    id: "timeline-day",
    type: "range",
    min: 0,
    max: 0,
    step: 1,
    value: 0,
    "aria-label": "Period shown",
  });
  const yearly = el(
    "button",
    { id: "timeline-yearly", type: "button", title: "Back to the yearly steady state" },
    "Yearly",
  );
  const label = el("span", { id: "timeline-label" });
  const readout = el("div", { id: "timeline-readout", "aria-live": "polite" });
  play.addEventListener("click", () => (timeline.state().playing ? timeline.pause() : timeline.play()));
  slider.addEventListener("input", () => {
    timeline.pause();
    timeline.seek(Number(slider.value));
  });
  yearly.addEventListener("click", () => timeline.leave());
  container.append(el("div", { class: "row" }, play, slider, yearly, label), readout);
  return {
    update(view: View) {
      const t = view.timeline;
      const data = t.data;
      play.disabled = data === null;
      slider.disabled = data === null;
      yearly.disabled = !t.active;
      play.textContent = t.playing ? "Pause" : "Play";
      if (!data) {
        label.textContent = t.error ?? (t.pending ? "Simulating a year, week by week…" : "");
        readout.textContent = "";
        container.dataset.ready = "false";
        return;
      }
      slider.max = String(Math.max(0, data.periods.length - 1));
      slider.value = String(t.index);
      const stale = t.pending ? " (updating…)" : "";
      label.textContent = t.active
        ? `${dayLabel(data, t.index)}: ${data.scenarioName}${stale}`
        : `Yearly steady state shown; move the timeline to see each week of ${data.scenarioName}${stale}`;
      const node = view.state.selected;
      readout.textContent =
        node === null
          ? "Select a consumer or a stock to read its served share or stock left at this day."
          : (nodeReadout(data, t.index, node) ?? `${node}: no served share or stock in the simulation.`);
      container.dataset.ready = t.pending ? "false" : "true";
    },
  };
}
