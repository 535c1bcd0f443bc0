/**
 * Map layout: each node at its lat/lon under a Natural Earth projection (d3-geo's `geoNaturalEarth1`, fixed scale
 * so positions never depend on the data). Plants at the same place are spread apart on a golden-angle spiral
 * (Vogel 1979), deterministically: nodes are placed in id order, each at the first free spot on its spiral.
 * Nodes without coordinates line up in columns east of the map.
 */
import { geoNaturalEarth1, type GeoProjection } from "d3-geo";
import type { SupplyGraph } from "../../../src/model/types.js";
import type { Positions } from "./types.js";

/** The projection shared by the layout and the map layer (d3's default scale: the world is ~960 × 500 units). */
export function mapProjection(): GeoProjection {
  return geoNaturalEarth1().scale(175.295).translate([480, 250]).precision(0.5);
}

/** Minimum distance between two plants, in projected units (the world is ~960 wide). */
export const SPREAD_DISTANCE = 7;
const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));

const byId = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Place points one by one at the first spot of their spiral that keeps `distance` from all placed points. */
export function spreadApart(
  points: Array<{ id: string; x: number; y: number }>,
  distance = SPREAD_DISTANCE,
): Positions {
  const cell = distance;
  const grid = new Map<string, Array<{ x: number; y: number }>>();
  const key = (cx: number, cy: number) => `${cx},${cy}`;
  const free = (x: number, y: number): boolean => {
    const cx = Math.floor(x / cell);
    const cy = Math.floor(y / cell);
    for (let dx = -1; dx <= 1; dx++)
      for (let dy = -1; dy <= 1; dy++)
        for (const p of grid.get(key(cx + dx, cy + dy)) ?? [])
          if ((p.x - x) ** 2 + (p.y - y) ** 2 < distance * distance) return false;
    return true;
  };
  const out: Positions = new Map();
  for (const p of [...points].sort((a, b) => byId(a.id, b.id))) {
    let x = p.x;
    let y = p.y;
    for (let i = 1; !free(x, y) && i < 10_000; i++) {
      const r = distance * 0.75 * Math.sqrt(i);
      x = p.x + r * Math.cos(i * GOLDEN_ANGLE);
      y = p.y + r * Math.sin(i * GOLDEN_ANGLE);
    }
    const k = key(Math.floor(x / cell), Math.floor(y / cell));
    const bucket = grid.get(k) ?? [];
    bucket.push({ x, y });
    grid.set(k, bucket);
    out.set(p.id, { x, y: -y }); // screen y grows downwards, sigma's y upwards
  }
  return out;
}

/** Positions of every node on the world map. */
export function mapLayout(graph: SupplyGraph): Positions {
  const projection = mapProjection();
  const located: Array<{ id: string; x: number; y: number }> = [];
  const unlocated: string[] = [];
  graph.forEachNode((id, a) => {
    const p =
      typeof a.lat === "number" &&
      typeof a.lon === "number" &&
      Number.isFinite(a.lat) &&
      Number.isFinite(a.lon)
        ? projection([a.lon, a.lat])
        : null;
    if (p && Number.isFinite(p[0]) && Number.isFinite(p[1])) located.push({ id, x: p[0], y: p[1] });
    else unlocated.push(id);
  });
  const positions = spreadApart(located);
  // east of the map (the Pacific edge), in columns of 30, so they never hide under the legend
  unlocated.sort(byId).forEach((id, i) => {
    positions.set(id, { x: 985 + Math.floor(i / 30) * 16, y: -(60 + (i % 30) * 14) });
  });
  return positions;
}
