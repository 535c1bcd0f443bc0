/**
 * Visual constants of the viewer: palettes, sizes, thresholds and sigma's settings. Everything that decides how
 * the network looks lives here, so a designer changes one file.
 */
export { STAGED_MIN_NODES } from "./analysis-view.js";

/*
 * Every colour here is written in lower case: sigma lower-cases the colour of each node and edge whenever it
 * indexes the graph (to look it up in its cache), and a colour with capitals then costs a new string per item.
 */

/**
 * Country colours. The first entries are fixed so the countries analysts compare most keep their colour across
 * graphs; the rest are handed out by node count. Okabe & Ito (2008) and Paul Tol's "muted" palette: both were
 * chosen to stay distinguishable under the common forms of colour blindness.
 */
export const FIXED_COUNTRY_COLORS: Readonly<Record<string, string>> = {
  CN: "#d55e00", // vermillion: the country most scenarios are about stands out
  JP: "#cc79a7", // reddish purple
  US: "#0072b2", // blue
  AU: "#e69f00", // orange
  MM: "#882255", // wine
  MY: "#009e73", // bluish green
};

/** Colours handed out, in order, to the remaining countries with the most nodes. */
export const COUNTRY_PALETTE: readonly string[] = [
  "#56b4e9", // sky blue
  "#332288", // indigo
  "#117733", // green
  "#999933", // olive
  "#44aa99", // teal
  "#aa4499", // purple
  "#ddcc77", // sand
  "#88ccee", // cyan
  "#cc6677", // rose
  "#6f4e37", // brown
];

/** Countries beyond the palette share this grey (listed as "other" in the legend). */
export const OTHER_COUNTRY_COLOR = "#9a9a9a";

/** Stage colours for "colour by stage" (upstream → downstream, a sequential-ish Okabe-Ito order). */
export const STAGE_PALETTE: readonly string[] = [
  "#8c6d31",
  "#009e73",
  "#999933",
  "#e69f00",
  "#56b4e9",
  "#0072b2",
  "#cc79a7",
  "#332288",
  "#d55e00",
];

/** Material classes drawn as edge colours. */
export type MaterialClass = "light" | "heavy" | "magnet" | "other";

export const MATERIAL_COLORS: Readonly<Record<MaterialClass, string>> = {
  light: "#4477aa", // light rare earths (La–Nd: NdPr)
  heavy: "#ee7733", // heavy rare earths (Dy, Tb)
  magnet: "#228833", // finished magnets
  other: "#a0a0a0",
};

export const MATERIAL_LABELS: Readonly<Record<MaterialClass, string>> = {
  light: "light rare earths (NdPr, mixed concentrate)",
  heavy: "heavy rare earths (Dy, Tb)",
  magnet: "NdFeB magnets",
  other: "other material",
};

/**
 * The class of a material name. The bundled graphs name materials `NdPr-oxide`, `DyTb-metal`, `NdFeB-magnet`,
 * `HREE-concentrate`, `REO-concentrate`; user graphs with other names fall into "other".
 */
export function materialClass(material: string | undefined): MaterialClass {
  if (!material) return "other";
  if (/magnet|NdFeB/i.test(material)) return "magnet";
  if (/HREE|DyTb|\bDy\b|\bTb\b|heavy|dysprosium|terbium/i.test(material)) return "heavy";
  if (/LREE|NdPr|REO|light|neodymium|praseodymium|lanthan|cerium/i.test(material)) return "light";
  return "other";
}

/** Node sizes in sigma's screen pixels (itemSizesReference "screen"). */
export const NODE_SIZE = { min: 3, max: 14, missing: 3.5 } as const;
/** Edge widths in screen pixels. */
export const EDGE_SIZE = { min: 0.6, max: 6 } as const;

/** Appearance of removed / out-of-scenario nodes and of the dimmed background when a consumer is selected. */
export const FADED_NODE_COLOR = "#d9d9d9";
export const FADED_EDGE_COLOR = "#ededed";
export const ROUTE_EDGE_COLOR = "#111111";
export const CUT_OFF_COLOR = "#c00000";
export const CHOKEPOINT_RING_COLOR = "#111111";
/** The timeline's arc of stock left around a stock (blue: not a warning colour). */
export const STOCK_LEFT_COLOR = "#1f5fbf";
export const MAP_LAND_COLOR = "#efede6";
export const MAP_BORDER_COLOR = "#c9c5ba";
export const MAP_OCEAN_COLOR = "#f7fafc";

/**
 * Files larger than this get a "Checking…" note while the loader worker checks them (every dropped or opened
 * file is checked there, off the page's thread: a generated 10^4-node graph is 6.7 MB, 10^5 nodes 68 MB).
 */
export const LARGE_FILE_BYTES = 16_000_000;

/** Above this many nodes the viewer asks before drawing (10k nodes draw in ~1.2 s in software WebGL here). */
export const LARGE_GRAPH_NODES = 20_000;

/**
 * Above `STAGED_MIN_NODES` edges are drawn by the program registered under this name, sigma's `EdgeLineProgram`
 * (1-pixel WebGL LINES, no arrowheads): in software WebGL (SwiftShader: the CI browser, machines without a GPU)
 * the thick antialiased arrows of 36,000 edges take about a second per frame; the tiers layout already reads
 * left to right, upstream to downstream.
 */
export const LARGE_GRAPH_EDGE_TYPE = "thin";

/**
 * Above `STAGED_MIN_NODES` nodes are drawn by the program registered under this name, sigma's `NodePointProgram`
 * (one WebGL point per node, drawn as a disc of the same size) rather than sigma's default circles, which are an
 * instanced draw (3 vertices × one instance per node). In software WebGL (SwiftShader) a redraw of the generated
 * 10^4-node graph, measured in the page with the GPU work waited for, took 670-1,200 ms with circles and
 * 175-210 ms with points (of which 1-pixel edges about 150 ms); see tests/bench/results/viewer-10k.md.
 */
export const LARGE_GRAPH_NODE_TYPE = "dot";

/** How many chokepoints the side panel lists. */
export const CHOKEPOINT_LIST_LENGTH = 12;

/** Sigma settings that do not depend on the data (reducers are set by the app). */
export const SIGMA_SETTINGS = {
  zIndex: true,
  defaultEdgeType: "arrow",
  renderEdgeLabels: false,
  labelRenderedSizeThreshold: 8,
  labelDensity: 0.3,
  labelGridCellSize: 180,
  labelFont: "system-ui, sans-serif",
  labelSize: 12,
  labelWeight: "500",
  // A click after another within this time is a double click, which zooms: keep it short so quick clicks work.
  doubleClickTimeout: 250,
  // edges are left out of the frames drawn while the camera moves: pans and zooms stay smooth in software WebGL
  hideEdgesOnMove: true,
  minCameraRatio: 0.03,
  maxCameraRatio: 4,
  stagePadding: 40,
} as const;
