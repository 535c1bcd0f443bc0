/**
 * The first drawing of a dropped file, before the page has a graph: the loader worker checks the file, lays it out
 * in tiers and colours nodes by country, and posts only what sigma draws of the nodes (ids, and positions and
 * colour indices as typed arrays, moved rather than copied). The page draws that at once, then builds the graph
 * behind the panels and reducers and draws it whole, edges included; the analyses recolour it as they arrive.
 * The positions are those of the page's own tiers layout (the same function on the same nodes), so nothing moves.
 *
 * Why nodes only: at 10^4 nodes the 36,000 edges were most of the first drawing's cost (graphology's edge index
 * and sigma's edge processing, about 1.5 s of the page's thread on a loaded 2-core machine), and the preview's
 * display graph is replaced anyway once the graph is in.
 */
import { DirectedGraph } from "graphology";
import type { CheckedGraph } from "../../src/model/_checked.js";
import { countryColorsOf, countryCounts } from "./encodings.js";
import { tiersLayoutOf } from "./layouts/tiers.js";
import { NODE_SIZE, OTHER_COUNTRY_COLOR } from "./settings.js";

/** What the page draws first: node `i` is `ids[i]`, at (`x[i]`, `y[i]`) in `palette[color[i]]`. */
export interface DrawPreview {
  ids: string[];
  x: Float64Array;
  y: Float64Array;
  /** Node → index in `palette`. */
  color: Uint8Array;
  palette: string[];
  /** How many edges the graph has (drawn with the graph). */
  edges: number;
}

/** When a file gets a preview: always, or only when no node has coordinates (the page would draw a map). */
export type PreviewMode = "always" | "unlocated";

/** Whether a checked file gets a preview under `mode`. */
export function wantsPreview(parts: CheckedGraph, mode: PreviewMode): boolean {
  if (mode === "always") return true;
  for (const a of parts.nodes.values())
    if (typeof a.lat === "number" && typeof a.lon === "number") return false;
  return true;
}

/** The typed arrays of a preview, to post them as transferables. */
export function previewBuffers(preview: DrawPreview): ArrayBuffer[] {
  const { x, y, color } = preview;
  return [x, y, color].map((a) => a.buffer as ArrayBuffer);
}

/** The preview of a checked graph: tiers positions and country colours (the page's defaults). */
export function previewOf(parts: CheckedGraph): DrawPreview {
  const countries = countryCounts((f) => {
    for (const a of parts.nodes.values()) f(a.country);
  });
  const colors = countryColorsOf(countries);
  const positions = tiersLayoutOf(
    parts.attributes.stages ?? [],
    (f) => parts.nodes.forEach((a, id) => f(id, a)),
    countries.map((c) => c.country),
  );
  const palette = [OTHER_COUNTRY_COLOR, ...colors.values()];
  const paletteIndex = new Map([...colors.keys()].map((c, i) => [c, i + 1]));
  const ids = [...parts.nodes.keys()];
  const n = ids.length;
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  const color = new Uint8Array(n);
  ids.forEach((id, i) => {
    const p = positions.get(id)!;
    x[i] = p.x;
    y[i] = p.y;
    color[i] = paletteIndex.get(parts.nodes.get(id)!.country) ?? 0;
  });
  return { ids, x, y, color, palette, edges: parts.edges.length };
}

/** The display graph of a preview: its nodes with positions, colours and the default size; no edges. */
export function previewDisplay(preview: DrawPreview): DirectedGraph {
  const display = new DirectedGraph({ multi: false, allowSelfLoops: false });
  const { ids, x, y, color, palette } = preview;
  for (let i = 0; i < ids.length; i++)
    display.addNode(ids[i]!, { x: x[i]!, y: y[i]!, color: palette[color[i]!]!, size: NODE_SIZE.missing });
  return display;
}
