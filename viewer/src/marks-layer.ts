/**
 * A canvas layer over sigma's nodes that marks analysis results sigma's circles cannot show: rings around
 * chokepoints (with their rank), a red ring and cross on consumers cut off, on starved consumers a red wedge
 * covering the share of demand not served, and on stocks (timeline) a blue arc for the share left.
 */
import type Sigma from "sigma";
import type { AnalysisView } from "./analysis-view.js";
import { chokepointSet } from "./reducers.js";
import {
  CHOKEPOINT_LIST_LENGTH,
  CHOKEPOINT_RING_COLOR,
  CUT_OFF_COLOR,
  STOCK_LEFT_COLOR,
} from "./settings.js";

export interface Marks {
  /** Ranked chokepoints (rank 1 first). */
  chokepoints: string[];
  cutOff: ReadonlySet<string>;
  /** Consumer → served fraction in [0, 1), for consumers served in part. */
  starved: ReadonlyMap<string, number>;
  /** Stock → share of its day-0 tonnes left, in [0, 1] (the timeline's period; empty in the yearly view). */
  stocks: ReadonlyMap<string, number>;
}

export const NO_MARKS: Marks = { chokepoints: [], cutOff: new Set(), starved: new Map(), stocks: new Map() };

/** The marks of the yearly analysis: ranked chokepoints, consumers cut off, consumers served in part. */
export function analysisMarks(analysis: AnalysisView | null): Marks {
  if (!analysis) return NO_MARKS;
  const starved = new Map<string, number>();
  for (const c of analysis.consumers.values())
    if (c.supplied && c.servedFraction !== null && c.servedFraction < 0.999)
      starved.set(c.id, c.servedFraction);
  // partly cut-off consumers with a flow of zero are "cut off" too in effect; reachability decides the cross
  return {
    chokepoints: [...chokepointSet(analysis)].slice(0, CHOKEPOINT_LIST_LENGTH),
    cutOff: new Set(analysis.cutOff),
    starved,
    stocks: new Map(),
  };
}

export class MarksLayer {
  private readonly canvas: HTMLCanvasElement;
  private readonly renderer: Sigma;
  private marks: Marks = NO_MARKS;
  private readonly draw = () => this.render();

  constructor(renderer: Sigma) {
    this.renderer = renderer;
    this.canvas = renderer.createCanvas("marks", { afterLayer: "nodes" });
    this.canvas.style.pointerEvents = "none";
    renderer.on("afterRender", this.draw);
  }

  set(marks: Marks): void {
    this.marks = marks;
    this.render();
  }

  private position(node: string): { x: number; y: number; r: number } | null {
    const d = this.renderer.getNodeDisplayData(node);
    if (!d || d.hidden) return null;
    const p = this.renderer.framedGraphToViewport(d);
    return { x: p.x, y: p.y, r: this.renderer.scaleSize(d.size) };
  }

  render(): void {
    const { width, height } = this.renderer.getDimensions();
    const ratio = window.devicePixelRatio || 1;
    const canvas = this.canvas;
    if (canvas.width !== Math.round(width * ratio) || canvas.height !== Math.round(height * ratio)) {
      canvas.width = Math.round(width * ratio);
      canvas.height = Math.round(height * ratio);
    }
    const ctx = canvas.getContext("2d");
    if (!ctx) return;
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.clearRect(0, 0, width, height);
    for (const [node, fraction] of this.marks.starved) {
      const p = this.position(node);
      if (!p) continue;
      // the wedge of unserved demand, clockwise from 12 o'clock
      ctx.beginPath();
      ctx.moveTo(p.x, p.y);
      ctx.arc(p.x, p.y, p.r, -Math.PI / 2 + 2 * Math.PI * fraction, (3 * Math.PI) / 2);
      ctx.closePath();
      ctx.fillStyle = "rgba(192, 0, 0, 0.55)";
      ctx.fill();
      ctx.beginPath();
      ctx.arc(p.x, p.y, p.r + 2, 0, 2 * Math.PI);
      ctx.strokeStyle = CUT_OFF_COLOR;
      ctx.lineWidth = 1.5;
      ctx.stroke();
    }
    for (const [node, left] of this.marks.stocks) {
      const p = this.position(node);
      if (!p) continue;
      // the share of the stock left, clockwise from 12 o'clock, over a faint full ring
      ctx.beginPath();
      ctx.arc(p.x, p.y, p.r + 5, 0, 2 * Math.PI);
      ctx.strokeStyle = "rgba(31, 95, 191, 0.2)";
      ctx.lineWidth = 3;
      ctx.stroke();
      if (left > 0) {
        ctx.beginPath();
        ctx.arc(p.x, p.y, p.r + 5, -Math.PI / 2, -Math.PI / 2 + 2 * Math.PI * left);
        ctx.strokeStyle = STOCK_LEFT_COLOR;
        ctx.stroke();
      }
    }
    for (const node of this.marks.cutOff) {
      const p = this.position(node);
      if (!p) continue;
      ctx.beginPath();
      ctx.arc(p.x, p.y, p.r + 3, 0, 2 * Math.PI);
      ctx.strokeStyle = CUT_OFF_COLOR;
      ctx.lineWidth = 3;
      ctx.stroke();
      const k = Math.max(3, p.r * 0.6);
      ctx.beginPath();
      ctx.moveTo(p.x - k, p.y - k);
      ctx.lineTo(p.x + k, p.y + k);
      ctx.moveTo(p.x + k, p.y - k);
      ctx.lineTo(p.x - k, p.y + k);
      ctx.lineWidth = 2;
      ctx.stroke();
    }
    ctx.font = "bold 10px system-ui, sans-serif";
    ctx.textBaseline = "middle";
    // rank badges: first free spot around the ring (top-right first), so dense clusters stay readable
    const badges: Array<{ x: number; y: number }> = [];
    const ANGLES = [
      -Math.PI / 4,
      -Math.PI / 2,
      0,
      (-3 * Math.PI) / 4,
      Math.PI / 4,
      Math.PI,
      (3 * Math.PI) / 4,
      Math.PI / 2,
    ];
    this.marks.chokepoints.forEach((node, i) => {
      const p = this.position(node);
      if (!p) return;
      ctx.beginPath();
      ctx.arc(p.x, p.y, p.r + 4, 0, 2 * Math.PI);
      ctx.strokeStyle = CHOKEPOINT_RING_COLOR;
      ctx.lineWidth = 2;
      ctx.setLineDash([4, 2]);
      ctx.stroke();
      ctx.setLineDash([]);
      const d = p.r + 9;
      const spots = ANGLES.map((a) => ({ x: p.x + d * Math.cos(a), y: p.y + d * Math.sin(a) }));
      const spot =
        spots.find((s) => badges.every((b) => Math.hypot(b.x - s.x, b.y - s.y) >= 15)) ?? spots[0]!;
      badges.push(spot);
      ctx.fillStyle = "#fff";
      ctx.beginPath();
      ctx.arc(spot.x, spot.y, 7, 0, 2 * Math.PI);
      ctx.fill();
      ctx.strokeStyle = CHOKEPOINT_RING_COLOR;
      ctx.lineWidth = 1;
      ctx.stroke();
      ctx.fillStyle = CHOKEPOINT_RING_COLOR;
      ctx.textAlign = "center";
      ctx.fillText(String(i + 1), spot.x, spot.y + 0.5);
    });
  }

  kill(): void {
    this.renderer.off("afterRender", this.draw);
    this.renderer.killLayer("marks");
  }
}
