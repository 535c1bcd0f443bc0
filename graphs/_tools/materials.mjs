// The materials of the rare-earth graphs: what a tonne of each is, its rare-earth-oxide (REO) equivalent and a
// value per tonne. Written into the graph attribute `materials` so `summary` can report every flow in t REO eq
// and the origin-aware flow model can weigh origins by value. README "Materials and units" explains each factor.
import { R, S } from "./common.mjs";

// Molar-mass ratios, oxide per metal: Nd2O3/2Nd = 336.5/288.5; Dy2O3/2Dy = 373/325; La2O3/2La = 325.8/277.8;
// Sm2O3/2Sm = 348.7/300.7. Stoichiometry, not estimates: their ranges are points.
const STOICH = "stoichiometric (molar masses of oxide and metal); not an estimate";
const point = (v, why = STOICH) => ({ low: v, high: v, why });
// A magnet's REO equivalent: 0.29 t NdPr metal × 1.17 + 0.02 t Dy/Tb metal × 1.15 per t of standard magnet.
const MAGNET_REO = Math.round((0.29 * 1.17 + 0.02 * 1.15) * 1000) / 1000;
// Sm2Co17 magnets hold ≈25 wt% Sm (SmCo5 ≈34%): 0.25 × 1.16.
const SMCO_REO = Math.round(0.25 * 1.16 * 1000) / 1000;

const m = (label, unit, reoFactor, valuePerTonne, sources, notes, ranges) => ({
  label,
  unit,
  reoFactor,
  valuePerTonne,
  sources,
  notes,
  ranges: { reoFactor: point(reoFactor), ...ranges },
});

/** Material name → {label, unit, reoFactor (t REO per t), valuePerTonne (USD), sources, notes, ranges}. */
export function materials({ year }) {
  // The same 2024-25 prices in both years, so values at stake compare across years (2010 prices were far higher
  // for Nd and Dy during the 2011 spike).
  const y = year === 2010 ? "2024-25 prices applied to 2010" : "2024-25 prices";
  const price = (v, low, high, why) => ({ valuePerTonne: { low, high, why: `${y}, USD per t; ${why}` } });
  return {
    "REO-concentrate": m("Light-RE concentrate / MREC / mixed scrap feed", "t REO", 1, 5800, [S.S26], "Mixed rare-earth feed, counted in REO as producers and USGS report it.", price(5800, 3500, 9000, "USGS: 45,000 t REO valued $260m in 2024 (≈$5,800/t); MREC and monazite trade lower, scrap feed higher")),
    "HREE-concentrate": m("Ionic-clay / heavy-rich feed", "t REO", 1, 25000, [R("R54"), R("R55")], "Heavy-rich mixed oxides/carbonates from ionic clays.", price(25000, 15000, 40000, "Myanmar's exports ≈$1.4bn for ≈50,000 t in 2023 (R54-R55) ≈ $28,000/t; prices fell in 2024")),
    "NdPr-oxide": m("Separated Nd/Pr oxide", "t oxide (= t REO)", 1, 75000, [R("R166")], "Separated oxide; its tonnes are tonnes of REO.", price(75000, 55000, 110000, "China spot ≈$55-80/kg in 2024-25; the US DoD floor for MP is $110/kg (R166)")),
    "DyTb-oxide": m("Separated Dy and Tb oxides", "t oxide (= t REO)", 1, 400000, [R("R93")], "≈80% Dy, 20% Tb by mass (EST).", price(400000, 250000, 900000, "Dy oxide ≈$230/kg, Tb oxide ≈$1,000/kg in China; ex-China prices were 2-3x after Apr 2025")),
    "NdPr-metal": m("Nd/Pr metal or magnet alloy (RE content)", "t metal", 1.17, 90000, [R("R166")], "Metal: 1.17 t oxide per t (Nd2O3/2Nd).", price(90000, 65000, 130000, "oxide price × 1.17 + conversion")),
    "DyTb-metal": m("Dy/Tb metal or Dy-Fe alloy (RE content)", "t metal", 1.15, 480000, [R("R93")], "Metal: 1.15 t oxide per t (Dy2O3/2Dy).", price(480000, 300000, 1000000, "oxide price × 1.15 + conversion")),
    "NdFeB-magnet": m("Sintered or hot-deformed NdFeB magnet", "t magnet", MAGNET_REO, 50000, [R("R160")], `Finished magnet: ≈${MAGNET_REO} t REO per t (0.29 t NdPr metal × 1.17 + 0.02 t Dy/Tb metal × 1.15).`, {
      reoFactor: { low: 0.3, high: 0.4, why: "RE content 26-33 wt% by grade (N24); heavy-RE-free grades at the low end" },
      ...price(50000, 30000, 80000, "China export unit values ≈$30-50/kg; US imports Q1 2025 $53.6m of sintered NdFeB (R160)"),
    }),
    "LREE-compounds": m("Ce/La compounds and oxides (and mixed light-RE compounds)", "t REO", 1, 2000, [S.S23, S.S37], "Cerium and lanthanum oxides, carbonates, chlorides and mixed light-RE compounds (HS 2846): catalysts, polishing, glass.", price(2000, 1000, 5000, "Ce and La oxide ≈$1-2/kg in USGS price tables; specialty polishing grades more")),
    "LREE-metal": m("Mischmetal, La and Ce metal", "t metal", 1.17, 5000, [S.S23], "Mischmetal (65% Ce, 35% La), La metal for NiMH alloys, ferrocerium (HS 2805.30): 1.17 t oxide per t (La2O3/2La).", price(5000, 4000, 10000, "USGS mischmetal ≈$5-6/kg")),
    "Y-oxide": m("Yttrium oxide", "t oxide (= t REO)", 1, 8000, [S.S24, S.S37], "Y2O3 for ceramics (YSZ, MLCC), phosphors, coatings.", price(8000, 6000, 100000, "≈$6-9/kg in China; ex-China prices rose many-fold after Y was listed in Announcement 18 (Apr 2025)")),
    "Gd-oxide": m("Gadolinium oxide", "t oxide (= t REO)", 1, 25000, [R("R93")], "Gd2O3 for MRI contrast, NdFeB additive, phosphors, optical glass.", price(25000, 15000, 60000, "China ≈$20-30/kg; ex-China higher after Apr 2025")),
    "Sm-metal": m("Samarium metal", "t metal", 1.16, 15000, [R("R93")], "Sm metal for SmCo alloys: 1.16 t oxide per t (Sm2O3/2Sm).", price(15000, 10000, 100000, "China ≈$10-20/kg; ex-China spikes after Apr 2025")),
    "SmCo-magnet": m("Samarium-cobalt magnet", "t magnet", SMCO_REO, 100000, [R("R160")], `Finished SmCo magnet (Sm2Co17 ≈25 wt% Sm): ${SMCO_REO} t REO per t.`, {
      reoFactor: { low: 0.23, high: 0.4, why: "Sm2Co17 ≈25 wt% Sm, SmCo5 ≈34%" },
      ...price(100000, 60000, 250000, "SmCo sells at 2-5x NdFeB; defence grades more"),
    }),
  };
}

/** Value at stake per USD of rare-earth input, the same for every country (README, "Value at stake"). */
export const LOSS_MULTIPLIER = { value: 15, low: 8, high: 30 };
