// Graph-level attributes and the figures derived after the flows are resolved (stockpiles, value at stake).
import { DYTB_OXIDE_PER_METAL, NDPR_OXIDE_PER_METAL, NDPR_PER_MAGNET, R, S, VALUE_USD_PER_T_MAGNET } from "./common.mjs";
import { round } from "./lib.mjs";

const STAGES = ["mine", "recycling", "stockpile", "refinery", "metal", "magnet", "consumer"];
const COMMON_NOTES =
  "Units: t/yr of each node's output material (concentrates in t REO as reported by USGS/quotas/companies; oxides, metals and magnets in t of product). Edge volume is in tonnes of the SOURCE node's output. Planned and construction facilities are excluded from the baseline. Estimates are marked EST in node/edge notes; see graphs/README.md for ratios, method and known gaps.";

export const attributes2025 = {
  name: "Global rare-earth magnet supply chain 2025",
  year: 2025,
  stages: STAGES,
  units: "t/yr",
  currency: "USD",
  importStages: ["refinery", "metal"],
  sources: [R("R44"), R("R47"), R("R62"), R("R63"), R("R64"), R("R81"), R("R86"), R("R151"), R("R152"), S.S01, S.S03, S.S06],
  notes: `The global NdFeB magnet chain as of 2025 (flows mostly on 2024 full-year data, adjusted for 2025 events such as MP's halt of concentrate shipments to China). ${COMMON_NOTES}`,
};

export const attributes2010 = {
  name: "Rare-earth magnet supply chain facing Japan, September 2010",
  year: 2010,
  stages: STAGES,
  units: "t/yr",
  currency: "USD",
  importStages: ["refinery", "metal"],
  sources: [S.S09, R("R87"), R("R97"), R("R98"), R("R99"), S.S07, S.S08, S.S10],
  notes: `The network Japan faced when China halted rare-earth shipments on 21 Sep 2010: no Lynas Malaysia, Mountain Pass idle, no heavy-rare-earth-free magnets, China ≈97% of mining. Annual rates for 2010. ${COMMON_NOTES}`,
};

/** Value at stake per consumer, and Japan's national stockpile sized from Japan's demand in this graph. */
export function finishGraph(g) {
  const jpDemand = g.nodes
    .filter((n) => n.attributes.country === "JP" && (n.attributes.demand ?? 0) > 0)
    .reduce((s, n) => s + n.attributes.demand, 0);
  const pipeline = (a) => a.status === "planned" || a.status === "construction";
  const byId = new Map(g.nodes.map((n) => [n.key, n.attributes]));
  for (const n of g.nodes) {
    const a = n.attributes;
    // Flow analyses read an absent capacity as unlimited; give every producing node a finite one.
    if (a.capacity === undefined && a.demand === undefined && a.stock === undefined && !pipeline(a)) {
      const shipped = g.edges
        .filter((e) => e.source === n.key && !pipeline(byId.get(e.target)))
        .reduce((s, e) => s + (e.attributes.volume ?? 0), 0);
      if (shipped > 0) {
        a.capacity = round(shipped * 1.1);
        a.notes = `${a.notes} capacity EST = 1.1 × baseline output (not disclosed; 10% headroom).`;
      }
    }
    if ((a.demand ?? 0) > 0) {
      a.valuePerYear = Math.round((a.demand * VALUE_USD_PER_T_MAGNET) / 1e6) * 1e6;
      a.sources = [...new Set([...a.sources, R("R80")])];
      a.notes = `${a.notes} valuePerYear EST = demand × USD 740,000 per t of magnet (NRI's JPY2.6tn one-year loss for Japan ÷ JPY150/USD ÷ Japan's 2025 demand in this graph; README).`;
    }
    if (n.key === "jogmec-stockpile-ndpr") a.stock = round((42 / 365) * jpDemand * NDPR_PER_MAGNET * NDPR_OXIDE_PER_METAL);
    if (n.key === "jogmec-stockpile-dytb") a.stock = round((42 / 365) * jpDemand * 0.02 * DYTB_OXIDE_PER_METAL);
  }
  return g;
}
