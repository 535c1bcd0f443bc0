/**
 * A synthetic tiered supply network shaped like the rare-earth magnet chain, for benchmarks and tests at sizes
 * no real data set reaches (10^4 to 10^6 nodes). The design follows `perf-anchors.md`, so our timings compare
 * with graph-tool, igraph and networkx on the same kind of graph:
 *
 * - Five tiers: mines 5 %, refineries 10 %, metal plants 15 %, magnet makers 20 %, consumers 50 % of nodes.
 * - Two material lines in the upstream tiers: light (REO → NdPr) on 70 % and heavy (HREE → DyTb) on 30 % of
 *   each of the mine, refinery and metal tiers. A refinery or metal plant buys only from its own line.
 * - A share of magnet makers (`recipeFrac`) has a recipe needing NdPr-metal AND DyTb-metal, so the AND semantics
 *   of the supply analysis matter; the others are heavy-rare-earth-free and buy NdPr-metal only.
 * - Each buyer has 2 to 2·edgesPerNode−2 distinct suppliers (mean `edgesPerNode`) from the tier above, chosen
 *   with a skew toward a few big suppliers (index ∝ u², so low positions in a pool sell to many); a share
 *   `soleFrac` of buyers is sole-sourced (one supplier, one per recipe material). Without sole sourcing, every
 *   immediate dominator is the super-source and there are no single points of failure to find.
 * - Countries from a tier-dependent Zipf over 20 codes (exponent 1.2, so China, first in every tier, holds about
 *   35 % of nodes as in the anchors; the order of the others differs by tier, e.g. Australia second among mines).
 * - Integer capacities (10-500, bigger for the favoured suppliers), volumes (1-100), lead times (7-90 days) and
 *   consumer demand (1-100), so the file is byte-identical for a seed on every platform.
 *
 * The network is held in typed arrays (about 30 bytes per edge), so 10^6 nodes take well under 200 MB before
 * serialization; `synthetic-graph-json.ts` streams it as a graph file.
 */
import { UsageError } from "../model/errors.js";
import { mulberry32, pickCumulative, randomInt, type Rng } from "../model/random.js";

/** Options of `syntheticNetwork`. */
export interface SyntheticNetworkOptions {
  /** Total number of nodes (at least 20). */
  nodes?: number;
  /** PRNG seed; the same seed gives the same network. */
  seed?: number;
  /** Mean number of suppliers of a buyer that is not sole-sourced (integer, at least 2). */
  edgesPerNode?: number;
  /** Share of buyers with a single supplier (per recipe material), in [0, 1]. */
  soleFrac?: number;
  /** Share of magnet makers whose recipe needs NdPr-metal AND DyTb-metal, in [0, 1]. */
  recipeFrac?: number;
}

export const DEFAULT_SYNTHETIC_NETWORK_OPTIONS: Required<SyntheticNetworkOptions> = {
  nodes: 10_000,
  seed: 42,
  edgesPerNode: 4,
  soleFrac: 0.05,
  recipeFrac: 0.5,
};

/** Stages of a synthetic network, upstream first. */
export const SYNTHETIC_STAGES = ["mine", "refinery", "metal", "magnet", "consumer"] as const;

/** Tier shares of the node count (consumers take the remainder). */
const TIER_SHARES = [0.05, 0.1, 0.15, 0.2, 0.5];
/** Share of the heavy (Dy/Tb) line in the mine, refinery and metal tiers. */
const HEAVY_SHARE = 0.3;
/** Node id prefix per tier: mi, re, me, ma, co. */
export const SYNTHETIC_ID_PREFIX = ["mi", "re", "me", "ma", "co"] as const;
/** Output per tier and line (light, heavy); consumers produce nothing. */
export const SYNTHETIC_OUTPUTS: ReadonlyArray<readonly [string, string] | null> = [
  ["REO-concentrate", "HREE-concentrate"],
  ["NdPr-oxide", "DyTb-oxide"],
  ["NdPr-metal", "DyTb-metal"],
  ["NdFeB-magnet", "NdFeB-magnet"],
  null,
];
/** Recipe of a magnet maker with a recipe: t of each metal per t of magnet (Nd-Pr ~30 %, Dy/Tb ~3 %). */
export const SYNTHETIC_RECIPE: Readonly<Record<string, number>> = { "NdPr-metal": 0.3, "DyTb-metal": 0.03 };

/**
 * Country order per tier (rank 1 first): the same 20 ISO codes everywhere, China first, the rest roughly in the
 * order of their real weight in that stage (USGS / IEA 2024 orders of magnitude; synthetic, not data).
 */
export const SYNTHETIC_COUNTRIES: readonly (readonly string[])[] = [
  "CN AU US MM TH VN IN BR RU MY CA ZA MX GB FR DE JP KR EE IT".split(" "),
  "CN MY JP EE US VN IN TH AU FR GB DE KR RU BR CA ZA MX MM IT".split(" "),
  "CN JP VN US TH MY GB DE KR FR EE IN AU RU BR CA ZA MX MM IT".split(" "),
  "CN JP DE US KR VN TH GB FR IT MY IN EE BR AU CA ZA MX RU MM".split(" "),
  "CN US DE JP KR FR GB IT IN MX BR TH CA VN MY ZA AU RU EE MM".split(" "),
];
/** Zipf exponent: rank r has weight r^-1.2, which gives rank 1 (China) 35 % of 20 codes. */
const ZIPF_EXPONENT = 1.2;

/** A generated network in typed arrays. Node i's id is `SYNTHETIC_ID_PREFIX[tier[i]] + (i - tierStart[tier[i]])`. */
export interface SyntheticNetwork {
  options: Required<SyntheticNetworkOptions>;
  nodeCount: number;
  edgeCount: number;
  /** First node index of each tier, plus the node count at the end (length 6). */
  tierStart: Int32Array;
  /** Tier (index into SYNTHETIC_STAGES) per node. */
  tier: Uint8Array;
  /** 0 light, 1 heavy (mine, refinery, metal tiers; 0 elsewhere). */
  line: Uint8Array;
  /** 1 for a magnet maker with the two-metal recipe. */
  recipe: Uint8Array;
  /** Index into SYNTHETIC_COUNTRIES[tier] per node. */
  countryRank: Uint8Array;
  /** Capacity in t/yr (non-consumers), demand in t/yr (consumers). */
  amount: Int32Array;
  /** Edges grouped by target, suppliers ascending within a target. */
  edgeSource: Int32Array;
  edgeTarget: Int32Array;
  edgeVolume: Int32Array;
  edgeLeadTime: Int32Array;
}

function check(name: string, value: number, ok: boolean, hint: string): void {
  if (!Number.isFinite(value) || !ok) throw new UsageError(`--${name} ${value} is out of range`, hint);
}

/**
 * Generate a synthetic tiered supply network (see the file header for the model).
 * @throws UsageError for out-of-range options.
 */
export function syntheticNetwork(options: SyntheticNetworkOptions = {}): SyntheticNetwork {
  const opts = { ...DEFAULT_SYNTHETIC_NETWORK_OPTIONS, ...options };
  const { nodes: n, edgesPerNode: epn, soleFrac, recipeFrac } = opts;
  check("nodes", n, Number.isInteger(n) && n >= 20 && n <= 50_000_000, "an integer from 20 to 5e7");
  check("edges-per-node", epn, Number.isInteger(epn) && epn >= 2 && epn <= 50, "an integer from 2 to 50");
  check("sole-frac", soleFrac, soleFrac >= 0 && soleFrac <= 1, "a share in [0, 1]");
  check("recipe-frac", recipeFrac, recipeFrac >= 0 && recipeFrac <= 1, "a share in [0, 1]");
  check("seed", opts.seed, Number.isInteger(opts.seed), "an integer");
  const rng = mulberry32(opts.seed);

  // Tier sizes: at least 2 nodes in each upstream tier, so both lines exist.
  const tierStart = new Int32Array(6);
  for (let t = 0; t < 4; t++) tierStart[t + 1] = tierStart[t]! + Math.max(2, Math.floor(TIER_SHARES[t]! * n));
  tierStart[5] = n;
  const heavyFrom = (t: number) => {
    const size = tierStart[t + 1]! - tierStart[t]!;
    return tierStart[t + 1]! - Math.max(1, Math.round(HEAVY_SHARE * size));
  };

  const zipf = new Float64Array(20);
  let total = 0;
  for (let r = 0; r < 20; r++) total += (r + 1) ** -ZIPF_EXPONENT;
  for (let r = 0, acc = 0; r < 20; r++) {
    acc += (r + 1) ** -ZIPF_EXPONENT / total;
    zipf[r] = r === 19 ? 1 : acc;
  }

  const tier = new Uint8Array(n);
  const line = new Uint8Array(n);
  const recipe = new Uint8Array(n);
  const countryRank = new Uint8Array(n);
  const amount = new Int32Array(n);
  const maxPerNode = Math.max(2, 2 * epn - 2);
  let capacity = Math.ceil(n * (maxPerNode * 0.5 + 1));
  let edgeSource = new Int32Array(capacity);
  let edgeTarget = new Int32Array(capacity);
  let edgeVolume = new Int32Array(capacity);
  let edgeLeadTime = new Int32Array(capacity);
  let m = 0;
  const chosen: number[] = [];

  const addEdge = (s: number, t: number) => {
    if (m === capacity) {
      capacity *= 2;
      const grow = (a: Int32Array) => {
        const b = new Int32Array(capacity);
        b.set(a);
        return b;
      };
      edgeSource = grow(edgeSource);
      edgeTarget = grow(edgeTarget);
      edgeVolume = grow(edgeVolume);
      edgeLeadTime = grow(edgeLeadTime);
    }
    edgeSource[m] = s;
    edgeTarget[m] = t;
    edgeVolume[m] = randomInt(rng, 1, 100);
    edgeLeadTime[m] = randomInt(rng, 7, 90);
    m++;
  };

  for (let t = 0; t < 5; t++) {
    const start = tierStart[t]!;
    const end = tierStart[t + 1]!;
    const heavy = t < 3 ? heavyFrom(t) : end;
    for (let v = start; v < end; v++) {
      tier[v] = t;
      line[v] = v >= heavy ? 1 : 0;
      countryRank[v] = pickCumulative(rng, zipf);
      if (t === 4) amount[v] = randomInt(rng, 1, 100);
      else {
        // Big suppliers sit at the start of each line's pool, where the skewed supplier choice lands most.
        const pool = line[v] ? end - heavy : heavy - start;
        const pos = line[v] ? v - heavy : v - start;
        const size = (1 - pos / pool) ** 2;
        amount[v] = 10 + Math.floor(490 * size * (0.5 + 0.5 * rng()));
      }
      if (t === 0) continue;
      const sole = rng() < soleFrac;
      const k = sole ? 1 : randomInt(rng, 2, maxPerNode);
      chosen.length = 0;
      const above = t - 1;
      const aStart = tierStart[above]!;
      const aEnd = tierStart[above + 1]!;
      const aHeavy = above < 3 ? heavyFrom(above) : aEnd;
      if (t === 3) {
        recipe[v] = rng() < recipeFrac ? 1 : 0;
        if (recipe[v]) {
          const kHeavy = sole ? 1 : Math.max(1, Math.round(k * HEAVY_SHARE));
          pickSuppliers(rng, aStart, aHeavy, sole ? 1 : Math.max(1, k - kHeavy), chosen);
          pickSuppliers(rng, aHeavy, aEnd, kHeavy, chosen);
        } else pickSuppliers(rng, aStart, aHeavy, k, chosen);
      } else if (t === 4) pickSuppliers(rng, aStart, aEnd, k, chosen);
      else if (line[v]) pickSuppliers(rng, aHeavy, aEnd, k, chosen);
      else pickSuppliers(rng, aStart, aHeavy, k, chosen);
      chosen.sort((a, b) => a - b);
      for (const s of chosen) addEdge(s, v);
    }
  }

  // A facility ships no more than it can make (the validator warns, W_OUTFLOW_OVER_CAPACITY): raise each
  // capacity to at least what its edges carry. After the draws, so the random stream is that of the same seed.
  const shipped = new Float64Array(n);
  for (let e = 0; e < m; e++) shipped[edgeSource[e]!] = shipped[edgeSource[e]!]! + edgeVolume[e]!;
  for (let v = 0; v < tierStart[4]!; v++) if (shipped[v]! > amount[v]!) amount[v] = shipped[v]!;

  return {
    options: opts,
    nodeCount: n,
    edgeCount: m,
    tierStart,
    tier,
    line,
    recipe,
    countryRank,
    amount,
    edgeSource: edgeSource.subarray(0, m),
    edgeTarget: edgeTarget.subarray(0, m),
    edgeVolume: edgeVolume.subarray(0, m),
    edgeLeadTime: edgeLeadTime.subarray(0, m),
  };
}

/** Append k distinct suppliers from [start, end) to `out`, skewed toward `start` (all of them when k ≥ size). */
function pickSuppliers(rng: Rng, start: number, end: number, k: number, out: number[]): void {
  const size = end - start;
  if (k >= size) {
    for (let s = start; s < end; s++) out.push(s);
    return;
  }
  const from = out.length;
  while (out.length - from < k) {
    const u = rng();
    const s = start + Math.floor(size * u * u);
    let seen = false;
    for (let i = from; i < out.length; i++) if (out[i] === s) seen = true;
    if (!seen) out.push(s);
  }
}

/** The id of node `v`: tier prefix and position in its tier (`mi0`, `re12`, `co4711`). */
export function syntheticNodeId(net: SyntheticNetwork, v: number): string {
  const t = net.tier[v]!;
  return `${SYNTHETIC_ID_PREFIX[t]}${v - net.tierStart[t]!}`;
}

/** The country code of node `v`. */
export function syntheticCountry(net: SyntheticNetwork, v: number): string {
  return SYNTHETIC_COUNTRIES[net.tier[v]!]![net.countryRank[v]!]!;
}
