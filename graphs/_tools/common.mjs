// Shared declarations for both rare-earth graphs: material ratios, extra sources found beyond ree-facts.md,
// and small builders. See graphs/README.md for the reasoning behind every constant.
import { loadFacts } from "./lib.mjs";

export const R = loadFacts();

/** Sources found with the project's search tool, beyond ree-facts.md (keys S01...; listed in the README). */
export const S = {
  S01: "Argus, China's recycled rare earth output falls in 2024 (34,147 t REO from NdFeB scrap incl. 26,504 t PrNd oxide, 710 t Dy, 160 t Tb) (2025): https://www.argusmedia.com/metals-platform/newsandanalysis/article/2678157-China-s-recycled-rare-earth-output-falls-in-2024",
  S02: "Metalnomist, Japan's growing reliance on China (H1 2024: 9,898 t RE imports, China 79.6%) (2024-08): https://metalnomist.com/2024/08/japans-growing-reliance-on-china-for.html",
  S03: "Argus, Japan aims to diversify rare earth supply (Japan 2nd-largest magnet producer, share <9%; China >2/3 of Japan's RE imports) (2023-01-03): https://www.argusmedia.com/en/news-and-insights/latest-market-news/2405752-japan-aims-to-diversify-rare-earth-supply",
  S04: "GTAIC market report (weak aggregator), Japan imports of HS 2805 metals 2024 by value: Viet Nam 59.8%, China 29.6%, Thailand 8.1%, France 1.9% (2025): https://gtaic.ai/market-reports/rare-earth-metals-and-mercury-market-japan-forecast-in-2025",
  S05: "Livewire / MiningSEE, Where do the separated rare earths produced by Lynas actually go? (UN Comtrade: China, Vietnam, Japan by value) (2025): https://www.miningsee.eu/where-do-the-separated-rare-earths-produced-by-lynas-actually-go/",
  S06: "The Rare Earth Observer (Substack), Special analysis of China's rare earth trade 2024 (Lynas shipped 3,261 t NdPr to China in 2024; MP 232 t) (2025): https://treo.substack.com/p/special-analysis-of-chinas-rare-earth",
  S07: "WSJ China Real Time, Japan sustains Chinese rare earth imports (Japan imported ~20,000 t from China in 2010, METI minister Ohata) (2011-01-06): http://blogs.wsj.com/chinarealtime/2011/01/06/japan-sustains-chinese-rare-earth-imports/",
  S08: "Sina English (Nikkei), Japan fears China may limit rare earth export again (2011 imports 15,400 t, -34% on 2010; >90% from China before 2009) (2012-09-13): http://english.sina.com/world/2012/0912/506068.html",
  S09: "IndexMundi blog (USGS data), World production of rare earth metals 2010: China 97% (130,000 t), India 2%, Brazil 0.42%, Malaysia 0.27%: https://www.indexmundi.com/blog/index.php/tag/rare-earth-metals/",
  S10: "Japan Metal Bulletin, Showa Denko to launch Vietnam rare earth recycling plant (800 t/yr; Chichibu 5,000 t; Baotou Showa 1,000 t; Ganzhou Zhaori 2,000 t) (2010): http://www.japanmetalbulletin.com/?p=5583",
  S11: "Asiacity News (China customs), China's rare earth magnet exports September 2025 by destination (Germany 1,288 t, Korea 854 t, Vietnam 456 t, US 420 t, Japan 228 t; total 5,773 t) (2025-10): https://asiacity.news/?p=138890",
  S12: "CKHQ (SCMP), China permanent magnet exports July 2025: 5,577 t; EU 2,140 t (38%), Germany 1,116 t, US 619 t (2025-08): https://en.ckhq.net/html/36711add5b00b1bb47f31689e77d293f.html",
  S13: "GITI, China rare earth raw material imports 2023 (bastnaesite 99.8% from MP; monazite from Madagascar 55%, Nigeria 25%, Thailand 13%; mixed oxides 95% Myanmar) (2024): https://giti.sg/markets/markets_files/48ebfa7453033ae0c38c564c09bf9de2-181.html",
  S14: "SMM, Unlisted rare earth oxide imports continue to tighten (China's RE ore imports almost entirely from MP; 55,000 t in 2024) (2025-03-20): https://news.metal.com/newscontent/103237108/Unlisted-Rare-Earth-Oxide-Imports-Continue-to-Tighten-When-Will-Imports-of-Myanmar-Ore-Resume-[SMM-Analysis]",
  S15: "Eternal Element (citing the Japan Society of Newer Metals; weak), Japan's rare earth demand 2024 expected 18,835 t (2025): https://eternal-element.com/show.asp?id=626",
  S16: "Reuters via in.reuters.com, Showa Denko stops China alloy plants, suspended Vietnam rare-earth alloy plant mid-May 2012 (2012-08-28): http://in.reuters.com/article/showadenko-idINL4E8JS6OF20120828",
  S17: "Japan Metal Bulletin, Inter Metalix Japan starts plant construction (≈500 t/yr in 2014; building for 1,000 t) (2012): http://www.japanmetalbulletin.com/?p=19960",
  S18: "SMM via Reuters, Japan rare earth imports from China plunge in November 2010 (Sept 2,246 t, Oct 1,278 t, Nov 634 t) (2010-12-27): https://news.metal.com/newscontent/100015474/Japan-Rare-Earths-Imports-from-China-Plunge-in-Nov",
  S19: "SMM, Rare earth recycling development (2021: China PrNd oxide output >70,000 t, of which recycling 23,000 t, 30%) (2022-03-14): https://news.metal.com/newscontent/101774777/Rare-Earth-Recycling-Development-Will-Accelerate-in-2022-Through-the-Duet-of-Waste-Motor-Dismantling-and-Scrap-Recycling",
  S20: "Mint via NewsBytes / Daily8, Proterial: two magnet plants (Japan and China); China plant >2,000 t (2025-08): https://www.daily8.com/en/hashtag/Proterial",
  S21: "Adamas Intelligence, Japan's rare earth consumption increased 7.8% in 2017 (18,112 t REO; cerium for catalysts and abrasives, yttrium for phosphors and ceramics, mischmetal for NiMH) (2018-06-12): https://www.adamasintel.com/japan-rare-earth-consumption-increased-in-2017/",
  S22: "Reuters via Rare Metal Blog, Q+A: Japan's rare earth market (magnets and autocatalysts each about a fifth of Japan's market, 4,500-5,000 t/yr each; 2011 market ≈23,000 t after -30%; Hitachi 45%, Shin-Etsu 40%, TDK 10% of sintered magnets) (2011-07-14): https://www.raremetalblog.com/q-a-japans-rare-earth-market/",
  S23: "USGS Mineral Commodity Summaries 2021, Rare earths (US imports 2020: compounds 6,700 t REO, ferrocerium/alloys 260 t, metals 380 t; end use catalysts 75%, ceramics and glass 6%, polishing 5%, metallurgy 4%, other 10%) (2021), mirror: https://docslib.org/doc/10507567/rare-earths1",
  S24: "CKHQ citing Statista/USGS, US rare-earth compound and metal imports 2020-23: China 70%, Malaysia 13%, Japan 6%, Estonia 5%, other 6%; yttrium 93% from China; import reliance 80% in 2024 (2025-04): https://en.ckhq.net/html/6031a93051e4bd20f1954e1d499219bf.html",
  S25: "The Northern Miner, China minerals curb could cost US GDP >$1bn a year (Macquarie: US ≈80% import reliant for RE compounds and metals, ≈70% from China; US RE imports $170m in 2024, $120m from China) (2025-11): https://secure.northernminer.com/news/china-minerals-curb-could-cost-us-gdp-1b-macquarie/1003884496",
  S26: "USGS MCS 2025 Rare Earths data release (2024: US mine output 45,000 t REO valued $260m; imports of compounds and metals $170m) (2025-04-08): https://data.usgs.gov/datacatalog/metadata/USGS.6798f088d34ea8c18376e7f9.xml ; summary: https://grayscaleinsight.com/file/821",
  S27: "Asia Economy, Korea Mine Reclamation Corp. Gunsan base stockpiles neodymium for ≈180 days of domestic automakers' use (2024-05-03): https://cm.asiae.co.kr/en/article/2024050311315651468",
  S28: "IEA policy database, Korea's National Program for Metal Stockpiling (rare metals target 100 days, from 54) (2024-01-31): https://prod.iea.org/policies/17940-the-national-program-for-metal-nonferrous-and-rare-stockpiling ; RawMaterials.net (Dong-A Ilbo): Korea's 35 critical raw materials cover 42 days on average in practice: https://rawmaterials.net/raw-material-stocks-south-korea-lags-behind-plans/",
  S29: "Marketplace (CFR's Crebo-Rediker), the US National Defense Stockpile fell from $42bn (1990) to <$1bn (2023); Particle News: the NDS 'lacks usable rare-earth inventories', DLA plans up to $1bn of purchases (2025-10): https://www.marketplace.org/story/2025/06/04/chinas-curbs-rare-earths-exports-hurting-carmakers ; https://particle.news/story/pentagon-launches-1-billion-critical-minerals-stockpile-to-curb-china-reliance",
  S30: "Automotive World (WSJ analysis of Chinese customs), China's rare earth magnet exports fell 74% y/y in May 2025 to 1,238 t (2025-06-20): https://www.automotiveworld.com/news/chinese-rare-earth-exports-collapsed-74-yoy-in-may/",
  S31: "Trading Economics (China customs), magnet exports June 2025 3,188 t (+157.5% m/m, -38.1% y/y); H1 2025 22,319 t (-18.9%) (2025-07-21): https://tradingeconomics.com/china/exports/news/471367 ; Reuters via Kitco, July 2025 5,577 t (+5.7% y/y): https://www.kitco.com/news/off-the-wire/2025-08-20/chinas-rare-earth-magnet-exports-hit-six-month-high-july",
  S32: "ChemRadar, MOFCOM/GAC Announcement No. 70 of 2025 (7 Nov 2025): Nos. 55-58, 61 and 62 suspended until 10 Nov 2026 (2025-11): https://www.chemradar.com/en/news/detail/f3s7t2oy9qf4",
  S33: "ChemRadar, MOFCOM Announcement No. 61 of 2025 (9 Oct 2025): licence for foreign-made items containing ≥0.1% by value of China-origin rare-earth items (from 1 Dec 2025), items made abroad with Chinese RE technology (from 1 Dec 2025), China-origin items (at once) (2025-10): https://www.chemradar.com/en/news/detail/f1la2toi5p1c",
  S34: "SMM, China's imports Jan-May 2025: RE ores 18,737 t (-23%, almost all MP); unlisted RE oxides (>80% Myanmar) 21,926 t (-8% y/y), surge in April-May as Myanmar stocks shipped (2025-05-31): https://news.metal.com/newscontent/103386688/Rush-Shipment-of-Inventory-Ore-Before-Rainy-Season,-Surge-in-Unlisted-Rare-Earth-Oxide-Imports-in-May-[SMM-Analysis]",
  S35: "Reuters via Arab News, Myanmar rebels disrupt China rare earth trade (China's imports from Myanmar 311 t in Feb 2025, -89% y/y) (2025-03-28): https://www.arabnews.pk/node/2595122",
  S36: "Visual Capitalist / CSIS via StoneNews, China's rare earth export destinations 2019 (Japan 36.0%, US 33.4%, Netherlands 9.6%, Korea 5.4%, Italy 3.5%; Japan's top import cerium, the US's lanthanum) (2020): https://stonenews.eu/china-s-top-rare-earth-export-destinations/",
  S37: "Metalnomist, Japan H1 2024 customs: China 50.6% of cerium compounds (France previously first), 83.5% of cerium oxide, 98.7% of yttrium oxide (2024-08): https://metalnomist.com/2024/08/japans-growing-reliance-on-china-for.html",
};


/** Resolve a list of keys (R.. from ree-facts.md, S.. from above) to source strings. */
export const src = (...keys) => keys.map((k) => (k.startsWith("S") ? S[k] : R(k)));

// Material ratios (README "Assumptions"). Tonnes of input per tonne of output.
export const LREE_PER_NDPR = 5; // NdPr ≈ 20% of the REO in light-RE concentrate (Bayan Obo ≈22%, Sichuan ≈16%)
export const IONIC_LIGHT_PER_NDPR = 2; // ionic-clay feed split 50/50 light/heavy; NdPr ≈ 50% of the light half
export const IONIC_HEAVY_PER_DYTB = 9; // Dy+Tb ≈ 11% of the mid/heavy half (≈5.5% of the whole feed)
export const SCRAP_LIGHT_PER_NDPR = 1.21; // S01: 26,504 t PrNd from 32,062 t non-heavy scrap REO
export const SCRAP_HEAVY_PER_DYTB = 2.4; // S01: 870 t Dy+Tb from 2,085 t Gd+Tb+Dy+Ho
export const NDPR_OXIDE_PER_METAL = 1.17; // Nd2O3 → Nd: 336.5 / 288.5
export const DYTB_OXIDE_PER_METAL = 1.15; // Dy2O3 → Dy: 373 / 325
export const NDPR_PER_MAGNET = 0.29; // magnets ≈ 30 wt% RE (N24), Dy/Tb taking part of it
export const VALUE_USD_PER_T_MAGNET = 740_000; // NRI: JPY2.6tn/yr ÷ JPY150/USD ÷ Japan's 23,500 t (README)

/** Lead time estimate: shipping + processing, by route (README). */
export function leadTime(sa, ta) {
  const abroad = sa.country !== ta.country;
  if (ta.demand !== undefined || ta.stage === "consumer") return abroad ? 60 : 30;
  if (sa.stage === "mine" || sa.stage === "recycling") return abroad ? 60 : 30;
  return abroad ? 45 : 21;
}

/** A node/edge collector with the conventions of both graphs. */
export function collector() {
  const nodes = [];
  const edges = [];
  const byId = new Map();
  const node = (key, attributes, extra = {}) => {
    if (byId.has(key)) throw new Error(`duplicate ${key}`);
    const n = { key, attributes: Object.fromEntries(Object.entries(attributes).filter(([, v]) => v !== undefined)), ...extra };
    nodes.push(n);
    byId.set(key, n);
    return n;
  };
  /** volume: number | {need: share} | "rest"; attributes: {sources, notes} (sources default to both ends'). */
  const edge = (source, target, volume, attributes = {}) => edges.push({ source, target, volume, attributes });
  const finish = () => {
    for (const e of edges) {
      const sa = byId.get(e.source).attributes;
      const ta = byId.get(e.target).attributes;
      const sources = e.attributes.sources ?? [...new Set([...(sa.sources ?? []).slice(0, 1), ...(ta.sources ?? []).slice(0, 1)])];
      const estimated = typeof e.volume !== "number" || e.volume === "rest" || e.attributes.est !== false;
      e.attributes = {
        leadTimeDays: e.attributes.leadTimeDays ?? leadTime(sa, { ...ta, demand: byId.get(e.target).consumer ? 1 : undefined }),
        sources,
        notes:
          e.attributes.notes ??
          (typeof e.volume === "object"
            ? "Volume EST: sized from the target's recipe and output (see README, 'How estimates were made'); lead time EST by route."
            : e.volume === "rest"
              ? "Volume EST: the supplier's output left after its sourced or estimated other deliveries; lead time EST by route."
              : estimated
                ? "Volume EST (see the supplier's notes); lead time EST by route."
                : "Lead time EST by route."),
      };
    }
    return { nodes, edges };
  };
  return { node, edge, finish, byId };
}
