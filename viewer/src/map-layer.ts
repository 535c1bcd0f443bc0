/**
 * The world map under the graph: Natural Earth countries from the `world-atlas` package (bundled, no tiles from
 * the network), projected once with the layout's projection into a Path2D, then drawn on a canvas layer below
 * sigma's edges with the camera's affine transform, so it pans and zooms with the nodes.
 */
import { geoPath } from "d3-geo";
import type Sigma from "sigma";
import { feature, mesh } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";
import worldText from "world-atlas/countries-110m.json?raw";
import { mapProjection } from "./layouts/map.js";
import { MAP_BORDER_COLOR, MAP_LAND_COLOR, MAP_OCEAN_COLOR } from "./settings.js";

interface WorldPaths {
  land: Path2D;
  borders: Path2D;
  outline: Path2D;
}

let cached: WorldPaths | null = null;

function worldPaths(): WorldPaths {
  if (cached) return cached;
  const topology = JSON.parse(worldText) as Topology<{ countries: GeometryCollection }>;
  const projection = mapProjection();
  const toPath = (object: Parameters<ReturnType<typeof geoPath>>[0]): Path2D =>
    new Path2D(geoPath(projection)(object) ?? "");
  cached = {
    land: toPath(feature(topology, topology.objects.countries)),
    borders: toPath(mesh(topology, topology.objects.countries, (a, b) => a !== b)),
    outline: toPath({ type: "Sphere" }),
  };
  return cached;
}

/** A text drawn at graph coordinates under the graph (the tiers layout's column headers). */
export interface Caption {
  text: string;
  x: number;
  y: number;
}

/**
 * A canvas layer under sigma's edges: the world map while `visible()` is true, and any `captions()` (column
 * headers of the tiers layout).
 */
export class MapLayer {
  private readonly canvas: HTMLCanvasElement;
  private readonly renderer: Sigma;
  private readonly visible: () => boolean;
  private readonly captions: () => Caption[];
  private readonly draw = () => this.render();

  constructor(renderer: Sigma, visible: () => boolean, captions: () => Caption[] = () => []) {
    this.renderer = renderer;
    this.visible = visible;
    this.captions = captions;
    this.canvas = renderer.createCanvas("map", { beforeLayer: "edges" });
    renderer.on("afterRender", this.draw);
    this.render();
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
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, canvas.width, canvas.height);
    const captions = this.captions();
    if (captions.length > 0) {
      ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
      ctx.font = "600 13px system-ui, sans-serif";
      ctx.textAlign = "center";
      ctx.fillStyle = "#555";
      for (const c of captions) {
        const p = this.renderer.graphToViewport({ x: c.x, y: c.y });
        ctx.fillText(c.text, p.x, Math.max(16, p.y));
      }
      ctx.setTransform(1, 0, 0, 1, 0, 0);
    }
    if (!this.visible()) return;
    // graph coords (x, -y of the projection) → viewport: an affine map, read off three points
    const o = this.renderer.graphToViewport({ x: 0, y: 0 });
    const ux = this.renderer.graphToViewport({ x: 1, y: 0 });
    const uy = this.renderer.graphToViewport({ x: 0, y: 1 });
    const a = ux.x - o.x;
    const b = ux.y - o.y;
    const c = -(uy.x - o.x);
    const d = -(uy.y - o.y);
    ctx.setTransform(a * ratio, b * ratio, c * ratio, d * ratio, o.x * ratio, o.y * ratio);
    const scale = Math.hypot(a, b) || 1;
    const paths = worldPaths();
    ctx.fillStyle = MAP_OCEAN_COLOR;
    ctx.fill(paths.outline);
    ctx.fillStyle = MAP_LAND_COLOR;
    ctx.fill(paths.land);
    ctx.strokeStyle = MAP_BORDER_COLOR;
    ctx.lineWidth = 0.8 / scale;
    ctx.stroke(paths.borders);
    ctx.stroke(paths.outline);
  }

  kill(): void {
    this.renderer.off("afterRender", this.draw);
    this.renderer.killLayer("map");
  }
}
