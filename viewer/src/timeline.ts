/**
 * The timeline under the graph: the controller that holds the current simulation (from the timeline worker), the
 * period shown and the play timer. The page shows the yearly steady state until the user moves the timeline or
 * presses play; from then on the marks show the served share and stock left at the period shown, until "Yearly".
 * Every change calls `onChange`, which re-renders the page (and so ends in `renderer.refresh()`).
 */
import type { Lever } from "../../src/levers/types.js";
import type { Scenario } from "../../src/scenario/types.js";
import type { GraphSource } from "./graph-source.js";
import { TimelineClient } from "./timeline-client.js";
import { dayLabel, marksAt, nodeReadout, type TimelineData } from "./timeline-view.js";

/**
 * Above this many nodes the page does not simulate, and the graph is not even sent to the timeline worker: a
 * simulation solves tens of LPs per week of the year, on a 10^3-node graph already minutes of CPU
 * (docs/simulate.md, Performance), which the yearly analysis needs. `chokepoint simulate` runs it outside the page.
 */
export const TIMELINE_MAX_NODES = 500;

/** Milliseconds per period while playing: a year of weeks in about 13 s. */
export const PLAY_INTERVAL_MS = 250;

/** What the panels read. */
export interface TimelineState {
  /** The simulation of the current scenario; null while it runs or when it failed. */
  data: TimelineData | null;
  /** Index of the period shown. */
  index: number;
  /** True once the user has moved the timeline: the marks then show that period, not the yearly state. */
  active: boolean;
  playing: boolean;
  /** A simulation is running. */
  pending: boolean;
  /** Why there is no simulation, as a sentence. */
  error: string | null;
}

export class Timeline {
  private data: TimelineData | null = null;
  private index = 0;
  private active = false;
  private pending = false;
  private error: string | null = null;
  /** Why this graph is not simulated at all (too large); null when it is. */
  private unavailable: string | null = null;
  private timer: ReturnType<typeof setInterval> | null = null;
  private readonly client: TimelineClient;

  constructor(private readonly onChange: () => void) {
    this.client = new TimelineClient(
      (response) => {
        this.pending = false;
        if (response.type === "error") {
          this.data = null;
          this.error = `The timeline cannot be simulated: ${response.message} [${response.code}]`;
        } else {
          this.data = response.data;
          this.error = null;
          this.index = Math.min(this.index, Math.max(0, response.data.periods.length - 1));
        }
        this.onChange();
      },
      (message) => {
        this.pending = false;
        this.error = `The timeline worker failed: ${message}`;
        this.onChange();
      },
    );
  }

  /** A new graph of `order` nodes: forget the simulation and go back to the yearly view. */
  setGraph(graph: GraphSource, order: number): void {
    this.pause();
    this.data = null;
    this.active = false;
    this.index = 0;
    this.pending = false;
    this.error = null;
    this.unavailable =
      order > TIMELINE_MAX_NODES
        ? `The timeline is not simulated in the page above ${TIMELINE_MAX_NODES} nodes (this graph has ${order}); \`chokepoint simulate\` runs it.`
        : null;
    if (this.unavailable) this.client.stop();
    else this.client.setGraph(graph);
  }

  /**
   * Stop the simulation under way, if any (a new graph is coming: its CPU is better spent checking that);
   * `setGraph` starts again.
   */
  stop(): void {
    this.pause();
    this.pending = false;
    this.client.stop();
  }

  /** Simulate the page's scenario (the previous simulation stays on screen until the new one arrives). */
  simulate(scenario: Scenario, lever: Lever | null): void {
    if (this.unavailable) return;
    this.pending = true;
    this.client.simulate(scenario, lever);
  }

  /** Show period `index` (clamped); the marks follow the timeline from now on. */
  seek(index: number): void {
    const last = Math.max(0, (this.data?.periods.length ?? 1) - 1);
    this.index = Math.max(0, Math.min(last, Math.round(index)));
    this.active = true;
    this.onChange();
  }

  /** Play from the period shown (from the start when at the end), one period per `PLAY_INTERVAL_MS`. */
  play(): void {
    if (!this.data || this.timer !== null) return;
    const last = this.data.periods.length - 1;
    if (this.index >= last) this.index = 0;
    this.active = true;
    this.timer = setInterval(() => {
      if (!this.data || this.index >= this.data.periods.length - 1) this.pause();
      else this.seek(this.index + 1);
    }, PLAY_INTERVAL_MS);
    this.onChange();
  }

  pause(): void {
    if (this.timer === null) return;
    clearInterval(this.timer);
    this.timer = null;
    this.onChange();
  }

  /** Back to the yearly steady state. */
  leave(): void {
    this.pause();
    this.active = false;
    this.onChange();
  }

  state(): TimelineState {
    return {
      data: this.data,
      index: this.index,
      active: this.active,
      playing: this.timer !== null,
      pending: this.pending,
      error: this.unavailable ?? this.error,
    };
  }

  /** The marks at the period shown, or null when the page shows the yearly state. */
  marks(): ReturnType<typeof marksAt> | null {
    return this.active && this.data ? marksAt(this.data, this.index) : null;
  }

  /** "Day 84 …: toyota: served 45.2%" for a hovered node while the timeline is moved; null otherwise. */
  readout(node: string): string | null {
    if (!this.active || !this.data) return null;
    const line = nodeReadout(this.data, this.index, node);
    return line === null ? null : `${dayLabel(this.data, this.index)}: ${line}`;
  }

  kill(): void {
    if (this.timer !== null) clearInterval(this.timer);
    this.client.kill();
  }
}
