// Graph-level attributes and the figures derived after the flows are resolved: capacities by the common rule,
// stocks, value at stake, the materials table and the ranges of every estimate.
import { DYTB_OXIDE_PER_METAL, NDPR_OXIDE_PER_METAL, NDPR_PER_MAGNET, R, S } from "./common.mjs";
import { round } from "./lib.mjs";
import { LOSS_MULTIPLIER, materials } from "./materials.mjs";
import { addRanges } from "./ranges.mjs";

const STAGES = ["mine", "recycling", "stockpile", "refinery", "metal", "magnet", "consumer"];
const COMMON_NOTES =
  "Units: t/yr of each node's output material (concentrates, compounds and oxides in t REO; metals and magnets in t of product; the graph attribute `materials` gives each material's REO factor and value per tonne). Edge volume is in tonnes of the SOURCE node's output. Planned and construction facilities are excluded from the baseline. Estimates are marked EST in node/edge notes and carry a `ranges` entry {low, high, why}; see graphs/README.md for ratios, method and known gaps.";

export const attributes2025 = {
  name: "Global rare-earth supply chain 2025",
  year: 2025,
  stages: STAGES,
  units: "t/yr",
  currency: "USD",
  importStages: ["refinery", "metal"],
  sources: [R("R44"), R("R47"), R("R62"), R("R63"), R("R64"), R("R81"), R("R86"), R("R151"), R("R152"), S.S01, S.S03, S.S06, S.S23, S.S24, S.S37],
  notes: `The global rare-earth chain as of 2025: NdFeB magnet materials (NdPr, Dy/Tb) from mine to consumer, and the rest of the basket (Ce/La compounds, mischmetal, Y, Gd, Sm and SmCo magnets) from separator to user, with the trade flows into Japan, the US, Korea and the EU. Flows mostly on 2024 full-year data, adjusted for 2025 events (MP's halt of concentrate shipments to China, Myanmar's disruption, India's curb on exports to Japan). ${COMMON_NOTES}`,
};

export const attributes2010 = {
  name: "Rare-earth supply chain facing Japan, September 2010",
  year: 2010,
  stages: STAGES,
  units: "t/yr",
  currency: "USD",
  importStages: ["refinery", "metal"],
  sources: [S.S09, R("R87"), R("R97"), R("R98"), R("R99"), S.S07, S.S08, S.S10, S.S22],
  notes: `The network Japan faced when China halted rare-earth shipments on 21 Sep 2010: no Lynas Malaysia, Mountain Pass idle, no heavy-rare-earth-free magnets, China ≈97% of mining. Annual rates for 2010. ${COMMON_NOTES}`,
};

// Private stocks: the same assumption for every consumer in every country (README, "Stocks").
const PRIVATE_DAYS = { value: 30, low: 10, high: 60 };
const PRIVATE_WHY =
  "private stock, the same assumption in every country: Suzuki stopped 52 days and Ford idled a plant ≈46 days after China's licensing began on 4 Apr 2025 (R147, R146), part of which was material in transit";
const pipeline = (a) => a.status === "planned" || a.status === "construction";

/** Derived figures on the assembled graph: capacities, stocks, value at stake, materials, ranges. */
export function finishGraph(g, declared = new Map()) {
  const byId = new Map(g.nodes.map((n) => [n.key, n.attributes]));
  const mats = materials({ year: g.attributes.year });
  g.attributes.materials = mats;
  const demandOf = (country, material) =>
    g.nodes
      .filter((n) => n.attributes.country === country && (n.attributes.demand ?? 0) > 0 && n.attributes.recipe?.[material])
      .reduce((s, n) => s + n.attributes.demand, 0);
  const jpMagnets = demandOf("JP", "NdFeB-magnet");
  const krMagnets = demandOf("KR", "NdFeB-magnet");
  for (const n of g.nodes) {
    const a = n.attributes;
    const ranges = { ...(a.ranges ?? {}) };
    const production = ranges.production;
    delete ranges.production;
    // Flow analyses read an absent capacity as unlimited. Every producing node whose 2025 operating capacity is
    // not disclosed gets the same rule, in every country: 1.1 × its baseline output.
    if (a.capacity === undefined && a.demand === undefined && a.stock === undefined && !pipeline(a)) {
      const shipped = g.edges
        .filter((e) => e.source === n.key && !pipeline(byId.get(e.target)))
        .reduce((s, e) => s + (e.attributes.volume ?? 0), 0);
      if (shipped > 0) {
        a.capacity = round(shipped * 1.1);
        a.notes = `${a.notes} capacity EST = 1.1 × 2025 output (not disclosed or not demonstrated; the same rule in every country).`;
        ranges.capacity ??= production
          ? { low: round(Math.min(production.low, shipped)), high: round(Math.max(production.high * 1.1, a.capacity)), why: `output ${production.why}; capacity 1.0-1.1 × output` }
          : { low: round(shipped), high: round(shipped * 1.5), why: "capacity not disclosed: the common rule 1.1 × output; low = output (no headroom), high = 1.5 × output (plants typically run at 65-90% of capacity)" };
      }
    }
    if ((a.demand ?? 0) > 0) {
      const material = Object.keys(a.recipe ?? {})[0];
      const m = mats[material];
      a.stockpileDays = PRIVATE_DAYS.value;
      ranges.stockpileDays = { low: PRIVATE_DAYS.low, high: PRIVATE_DAYS.high, why: PRIVATE_WHY };
      if (m) {
        const perTonne = m.valuePerTonne * LOSS_MULTIPLIER.value;
        a.valuePerYear = Math.round((a.demand * perTonne) / 1e5) * 1e5;
        ranges.valuePerYear = {
          low: Math.round((a.demand * m.ranges.valuePerTonne.low * LOSS_MULTIPLIER.low) / 1e5) * 1e5,
          high: Math.round((a.demand * m.ranges.valuePerTonne.high * LOSS_MULTIPLIER.high) / 1e5) * 1e5,
          why: "demand × the material's value per tonne × 8-30 (GDP loss per USD of rare-earth input: ≈8 from Macquarie's US estimate, ≈30 from NRI's for Japan; README)",
        };
        a.sources = [...new Set([...a.sources, S.S25, R("R80")])];
        a.notes = `${a.notes} valuePerYear EST = demand × USD ${m.valuePerTonne.toLocaleString("en-US")} per t (${material}) × ${LOSS_MULTIPLIER.value}, the same value chain multiplier in every country (README, 'Value at stake').`;
      }
    }
    const stockDays = (days, demand, perMagnet, factor) => round((days / 365) * demand * perMagnet * factor);
    if (n.key === "jogmec-stockpile-ndpr" || n.key === "jogmec-stockpile-dytb") {
      const per = n.key.endsWith("ndpr") ? [NDPR_PER_MAGNET, NDPR_OXIDE_PER_METAL] : [0.02, DYTB_OXIDE_PER_METAL];
      a.stock = stockDays(42, jpMagnets, ...per);
      ranges.stock = { low: 0, high: stockDays(60, jpMagnets, ...per), why: "volumes secret: 0 (rare earths not held) to 60 days (42 national + 18 private of the rare-metal framework, N11)" };
    }
    if (n.key === "kr-komir-stockpile-ndpr") {
      a.stock = stockDays(180, krMagnets, NDPR_PER_MAGNET, NDPR_OXIDE_PER_METAL);
      ranges.stock = { low: stockDays(42, krMagnets, NDPR_PER_MAGNET, NDPR_OXIDE_PER_METAL), high: a.stock, why: "180 days of automakers' use reported at Gunsan (S27); 42 days = Korea's average cover in practice (S28)" };
    }
    if (n.key === "us-nds-stockpile-ndpr") {
      a.stock = 50;
      ranges.stock = { low: 0, high: 500, why: "NDS 'lacks usable rare-earth inventories' (S29); FY2023 NDAA purchases of NdPr oxide and NdFeB block not published" };
    }
    if (Object.keys(ranges).length) a.ranges = ranges;
    else delete a.ranges;
  }
  void declared;
  return addRanges(g);
}
