// The rest of the rare-earth basket in 2025: Ce/La compounds, mischmetal, Y, Gd, Sm and SmCo magnets, with their
// main producers and the trade flows into Japan, the US, Korea and the EU. Tonnes of REO (metals and magnets in
// their own tonnes, REO factors in the `materials` attribute). README "The whole basket" gives the reasoning.
//
// Why the producers are sources (no feed edge): Ce, La, Y, Sm and Gd are co-products of the same separation that
// yields NdPr and Dy/Tb, whose feed already carries the whole mined REO. A second feed edge would count the mine
// output twice, and a flow model would let a plant trade Ce for NdPr, which geology does not allow. A mine
// outage therefore needs the co-product nodes too: their operator names the company (scenarios select by it).
import { src } from "./common.mjs";

const EST = "Volume EST";
const est = (why) => ({ why });

/** Declare the basket nodes and edges on the collector of the 2025 graph. */
export function declareBasket2025({ node, edge }) {
  const op = (since) => ({ status: "operating", since });
  const refinery = (key, a, production) => node(key, { stage: "refinery", ...a }, { production });
  const metal = (key, a, production) => node(key, { stage: "metal", ...a }, { production });

  // ------------------------------------------------------------ producers (sources; t REO unless noted)
  refinery("cn-lree-compounds-aggregate", {
    label: "China Ce/La compound producers (aggregate)", country: "CN", operator: "CNRE, CREG and others (light-RE separators' co-products)",
    lat: 40.6, lon: 109.9, output: "LREE-compounds", ...op(1990), sources: src("R47", "R48", "S36", "S37"),
    notes: "Aggregate. Ce and La (≈68% of light-RE concentrate REO: Bayan Obo ≈50% Ce, 25% La) co-produced by China's light-RE separators from ≈287,000 t REO of feed (Bayan Obo, Sichuan/Shandong, imported monazite and MP concentrate) → ≈195,000 t REO EST. Exports EST from partner statistics (S23, S24, S36, S37); the rest is China's own use. Location est. (Baotou).",
    ranges: { production: { low: 150000, high: 210000, why: "Ce+La 60-73% of the feed's REO; part is stored rather than sold" } },
  }, 195000);
  refinery("cn-y-oxide-aggregate", {
    label: "China yttrium oxide producers (aggregate)", country: "CN", operator: "Southern ionic-clay separators (CREG and others)",
    lat: 25.84, lon: 114.92, output: "Y-oxide", ...op(1990), sources: src("R47", "R53", "S24", "S37"),
    notes: "Aggregate. Y is ≈25-60% of ionic-clay REO; ≈58,000 t REO of ionic feed (China, Myanmar, Laos, Serra Verde) → output EST 15,000 t Y2O3. China supplies 98.7% of Japan's Y oxide (S37) and 93% of the US's yttrium (S24). Location est. (Ganzhou).",
  }, 15000);
  refinery("cn-gd-oxide-aggregate", {
    label: "China gadolinium oxide producers (aggregate)", country: "CN", operator: "Chinese separators",
    lat: 25.86, lon: 114.94, output: "Gd-oxide", ...op(1990), sources: src("R47", "R93", "S01"),
    notes: "Aggregate. Gd ≈1-2% of light and ionic feed, plus 1,048 t recovered from scrap (S01); output EST 4,000 t. Listed in Announcement 18 (Apr 2025). Location est.",
  }, 4000);
  metal("cn-lree-metal-aggregate", {
    label: "China mischmetal, La and Ce metal makers (aggregate)", country: "CN", operator: "Baotou and Sichuan metal makers",
    lat: 40.62, lon: 109.86, output: "LREE-metal", ...op(1990), sources: src("R47", "S23", "S21"),
    notes: "Aggregate; exports only (China's own mischmetal use sits inside the Ce/La compound aggregate). Japan's NiMH alloy makers buy La-rich mischmetal (S21). Volumes EST (t metal). Location est.",
  }, 2600);
  metal("cn-sm-metal-aggregate", {
    label: "China samarium metal makers (aggregate)", country: "CN", operator: "Chinese metal makers (Sm from light-RE separation)",
    lat: 40.63, lon: 109.87, output: "Sm-metal", ...op(1990), sources: src("R93", "R160"),
    notes: "Aggregate. Sm ≈1% of light-RE REO; China makes nearly all of the world's Sm metal (R93: Sm listed in Announcement 18). Output EST 1,000 t metal: SmCo makers in and outside China (t metal). Location est.",
  }, 1000);
  refinery("lynas-lamp-lace", {
    label: "Lynas Malaysia (LAMP), La/Ce products", country: "MY", operator: "Lynas Rare Earths",
    lat: 3.969, lon: 103.379, output: "LREE-compounds", ...op(2012), sources: src("R07", "S24", "S05"),
    notes: "Lynas' FY25 REO in products 10,462 t less 6,558 t NdPr and the heavy circuit's ≈100 t → ≈3,800 t of La/Ce carbonate and SEG (R07); output EST 3,500 t. Malaysia = 13% of US compound imports (S24). Destination split EST. Coordinates est.",
    ranges: { production: { low: 3000, high: 3900, why: "10,462 t REO less NdPr; part is SEG concentrate sold to China" } },
  }, 3500);
  refinery("mp-mountain-pass-lace", {
    label: "Mountain Pass La/Ce products (MP Materials)", country: "US", operator: "MP Materials",
    lat: 35.4805, lon: -115.5305, output: "LREE-compounds", ...op(2023), sources: src("R27", "S24", "S25"),
    notes: "MP's separation feed (≈13,000 t REO in 2025) holds ≈8,000 t Ce/La; MP sells part as La/Ce products. Output EST 1,800 t to US users: the US was ≈80% import reliant for compounds and metals in 2024 (S24, S25), so domestic supply ≈20% of ≈9,000 t. Coordinates est.",
    ranges: { production: { low: 1000, high: 4000, why: "import reliance 75-90%; MP's Ce/La sales not disclosed" } },
  }, 1800);
  refinery("solvay-la-rochelle-compounds", {
    label: "Solvay La Rochelle Ce/La compounds", country: "FR", operator: "Solvay",
    lat: 46.161, lon: -1.151, output: "LREE-compounds", ...op(1948), sources: src("R100", "R102", "S37"),
    notes: "Solvay's historical business: Ce/La formulations for catalysts, polishing and glass (R102: 2,000-5,000 t REO potential). France was Japan's first cerium-compound supplier until China overtook it in H1 2024 (China 50.6%, S37). Output EST 2,800 t; feed (imported intermediates) not public, so a source. Coordinates est.",
    ranges: { production: { low: 1500, high: 4000, why: "REO capacity 2,000-5,000 t (R102); utilisation not public" } },
  }, 2800);
  refinery("neo-silmet-compounds", {
    label: "NPM Silmet Ce/La compounds, Sillamäe", country: "EE", operator: "Neo Performance Materials",
    lat: 59.401, lon: 27.761, output: "LREE-compounds", ...op(1970), sources: src("R105", "R109", "S24"),
    notes: "3,000 t/yr light-RE separation (R105) less the NdPr share; Estonia = 5% of US compound imports (S24). Output EST 1,800 t. Coordinates est.",
  }, 1800);
  refinery("toyotsu-india-lree", {
    label: "Toyotsu Rare Earths India, light-RE compounds", country: "IN", operator: "Toyota Tsusho",
    lat: 17.691, lon: 83.221, output: "LREE-compounds", ...op(2012), sources: src("R135", "R136"),
    notes: "Toyotsu shipped >1,000 t of rare earths to Japan in 2024 (R135); India asked IREL in June 2025 to stop exports to Japan, so 2025 ≈ 5.5 months at the 2024 rate + half rate after: ≈700 t, of which ≈75% Ce/La compounds (525 t) and ≈25% NdPr (the NdPr circuit node). A source: its IREL feed is counted on the NdPr node. Coordinates est.",
    ranges: { production: { low: 350, high: 800, why: "2025 volumes not published; 2024 >1,000 t, exports curbed from June 2025" } },
  }, 525);
  refinery("jp-re-compound-processors-aggregate", {
    label: "Japan rare-earth compound processors (aggregate)", country: "JP", operator: "e.g. Shin-Etsu, Daiichi Kigenso, Santoku, Mitsui Kinzoku (polishing powders)",
    lat: 34.68, lon: 135.18, output: "LREE-compounds", recipe: { "LREE-compounds": 1.05 }, ...op(1970), sources: src("S21", "S24", "S37"),
    notes: "Aggregate. Turns imported Ce/La compounds into polishing powders and specialty compounds for Japanese users and exports (Japan = 6% of US compound imports, S24). Recipe EST 1.05 (5% process loss). Output EST. Location est. (Kobe).",
    ranges: { "recipe.LREE-compounds": { low: 1.0, high: 1.15, why: "process losses 0-15% (EST)" } },
  }, 3400);

  // ------------------------------------------------------------ SmCo magnet makers (t magnet; Sm 0.25 t metal / t)
  const smco = { "Sm-metal": 0.25 };
  const smcoRange = { "recipe.Sm-metal": { low: 0.23, high: 0.34, why: "Sm2Co17 ≈25 wt% Sm, SmCo5 ≈34%" } };
  node("cn-smco-makers-aggregate", {
    label: "China SmCo magnet makers (aggregate)", stage: "magnet", country: "CN", operator: "Chinese SmCo makers (Ningbo, Hangzhou, Baotou)",
    lat: 29.88, lon: 121.55, output: "SmCo-magnet", recipe: smco, ...op(1995), sources: src("R160", "R93"),
    notes: "Aggregate; output EST 3,000 t SmCo (China makes most of the world's SmCo). Exports EST: US SmCo imports are mostly Chinese by value (R160). Location est.",
    ranges: smcoRange,
  }, { production: 3000 });
  node("jp-smco-makers-aggregate", {
    label: "Japan SmCo magnet makers (aggregate)", stage: "magnet", country: "JP", operator: "e.g. Shin-Etsu, TDK, Tokin",
    lat: 35.901, lon: 136.171, output: "SmCo-magnet", recipe: smco, ...op(1975), sources: src("R66", "S21"),
    notes: "Aggregate; Japan uses ≈80 t Sm a year (data review; JSNM), output EST 300 t SmCo from Chinese Sm metal. Location est.",
    ranges: smcoRange,
  }, { production: 300 });
  node("us-smco-makers-aggregate", {
    label: "US SmCo magnet makers (aggregate: Arnold, Electron Energy)", stage: "magnet", country: "US", operator: "Arnold Magnetic Technologies, Electron Energy Corp.",
    lat: 40.04, lon: -76.3, output: "SmCo-magnet", recipe: smco, ...op(1970), sources: src("R160"),
    notes: "Aggregate; the US defence supply base for SmCo (DFARS restricts Chinese SmCo in defence items). Output EST 400 t from imported (Chinese) Sm metal. Location est. (Lancaster PA).",
    ranges: smcoRange,
  }, { production: 400 });

  // ------------------------------------------------------------ consumers (demand = baseline supply)
  const consumer = (key, material, a) =>
    node(key, { stage: "consumer", recipe: { [material]: 1 }, ...a }, { consumer: true });
  consumer("jp-catalysts", "LREE-compounds", { label: "Japan autocatalysts and FCC catalysts (aggregate)", country: "JP", lat: 35.0, lon: 137.0, sources: src("S22", "S21", "S37"), notes: "Aggregate: Ce for autocatalysts (Cataler, NE Chemcat), La for FCC. Autocatalysts ≈ a fifth of Japan's RE market, 4,500-5,000 t (S22, 2011). Suppliers EST from customs shares (S37). Location est." });
  consumer("jp-polishing-glass", "LREE-compounds", { label: "Japan polishing powders and glass users (aggregate)", country: "JP", lat: 35.6, lon: 139.6, sources: src("S21", "S22"), notes: "Aggregate: cerium abrasives (glass, HDD substrates, semiconductors), optical glass. Supplied by Japanese processors (EST). Location est." });
  consumer("jp-nimh-batteries", "LREE-metal", { label: "Japan NiMH battery alloy users (aggregate)", country: "JP", lat: 34.7, lon: 135.5, sources: src("S21", "S22"), notes: "Aggregate: La-rich mischmetal for hybrid-car NiMH batteries (Primearth EV Energy, others). Volume EST 1,500 t metal (t of mischmetal). Location est." });
  consumer("jp-ceramics-phosphors", "Y-oxide", { label: "Japan ceramics, MLCC and phosphor users (aggregate)", country: "JP", lat: 35.0, lon: 135.8, sources: src("S21", "S37"), notes: "Aggregate: Y for YSZ ceramics, MLCC dielectrics (Murata, TDK, Taiyo Yuden), phosphors. Japan's Y oxide 98.7% from China (S37). Volume EST. Location est." });
  consumer("jp-gd-users", "Gd-oxide", { label: "Japan gadolinium users (aggregate)", country: "JP", lat: 35.1, lon: 136.9, sources: src("S21", "R93"), notes: "Aggregate: MRI contrast, magnet additive, optical. Volume EST. Location est." });
  consumer("jp-smco-users", "SmCo-magnet", { label: "Japan SmCo magnet users (aggregate)", country: "JP", lat: 35.7, lon: 139.7, sources: src("S21", "R160"), notes: "Aggregate: sensors, high-temperature motors, defence. Volume EST. Location est." });
  consumer("us-catalysts", "LREE-compounds", { label: "US FCC and autocatalyst users (aggregate)", country: "US", lat: 29.7, lon: -95.2, sources: src("S23", "S24", "S25"), notes: "Aggregate: La for refinery FCC catalysts (Grace, BASF, Albemarle), Ce for autocatalysts. Catalysts = 75% of US RE use (S23). Suppliers from USGS import shares 2020-23 (S24). Location est. (Houston)." });
  consumer("us-glass-polishing-ceramics", "LREE-compounds", { label: "US glass, polishing and ceramics users (aggregate)", country: "US", lat: 42.1, lon: -77.1, sources: src("S23", "S24"), notes: "Aggregate: ceramics and glass 6%, polishing 5% of US RE use (S23). Volume EST. Location est." });
  consumer("us-metallurgy", "LREE-metal", { label: "US metallurgy and alloy users (aggregate)", country: "US", lat: 40.4, lon: -80.0, sources: src("S23"), notes: "Aggregate: mischmetal and ferrocerium for steel, lighter flints, alloys; US imports of ferrocerium and alloys ≈260 t and RE metals ≈380 t in 2020 (S23). Volume EST (t metal). Location est." });
  consumer("us-y-users", "Y-oxide", { label: "US yttrium users (aggregate)", country: "US", lat: 33.4, lon: -112.0, sources: src("S24"), notes: "Aggregate: coatings (aero engines), ceramics, phosphors, lasers; 93% of US yttrium from China (S24). Volume EST. Location est." });
  consumer("us-gd-users", "Gd-oxide", { label: "US gadolinium users (aggregate)", country: "US", lat: 41.9, lon: -87.6, sources: src("S24", "R93"), notes: "Aggregate: MRI contrast agents, nuclear, optical. Volume EST. Location est." });
  consumer("us-smco-users", "SmCo-magnet", { label: "US SmCo users incl. defence (aggregate)", country: "US", lat: 38.9, lon: -77.0, sources: src("R160"), notes: "Aggregate: defence (guidance, actuators, radar), aerospace, sensors. Volume EST. Location est." });
  consumer("kr-lree-users", "LREE-compounds", { label: "Korea Ce/La users: polishing, catalysts, displays (aggregate)", country: "KR", lat: 37.3, lon: 127.0, sources: src("S36"), notes: "Aggregate: polishing for displays and semiconductors, catalysts. Korea = 5.4% of China's RE exports (2019, S36). Volume EST. Location est." });
  consumer("kr-y-users", "Y-oxide", { label: "Korea yttrium users: MLCC, ceramics (aggregate)", country: "KR", lat: 35.2, lon: 128.7, sources: src("S36"), notes: "Aggregate: MLCC dielectrics (Samsung Electro-Mechanics), ceramics. Volume EST. Location est." });
  consumer("eu-lree-users", "LREE-compounds", { label: "EU Ce/La users: catalysts, glass, polishing (aggregate)", country: "ZZ", lat: 50.8, lon: 4.4, sources: src("S36", "R102b"), notes: "Aggregate across EU countries (ZZ: the EU has no ISO code; intra-EU supplies from France and Estonia show as origins). Catalysts (BASF, Umicore, Johnson Matthey), glass, polishing. China ≈95% of EU RE needs (R102b). Volume EST. Location est." });
  consumer("eu-y-users", "Y-oxide", { label: "EU yttrium users (aggregate)", country: "ZZ", lat: 48.1, lon: 11.6, sources: src("R102b"), notes: "Aggregate across EU countries: coatings, ceramics, phosphors. Volume EST. Location est." });
  consumer("eu-smco-users", "SmCo-magnet", { label: "EU SmCo users (aggregate)", country: "ZZ", lat: 48.8, lon: 2.3, sources: src("R102b", "R160"), notes: "Aggregate across EU countries: aerospace, defence, sensors. Volume EST. Location est." });
  consumer("cn-lree-users-aggregate", "LREE-compounds", { label: "China Ce/La users (aggregate)", country: "CN", lat: 31.2, lon: 121.4, sources: src("R47", "R48"), notes: "Aggregate: the rest of China's Ce/La output (catalysts, polishing, glass, metallurgy, NiMH, stock). Location est." });
  consumer("cn-y-users-aggregate", "Y-oxide", { label: "China yttrium users (aggregate)", country: "CN", lat: 31.3, lon: 121.5, sources: src("R47"), notes: "Aggregate: the rest of China's Y oxide. Location est." });
  consumer("cn-gd-users-aggregate", "Gd-oxide", { label: "China gadolinium users (aggregate)", country: "CN", lat: 31.1, lon: 121.3, sources: src("R47"), notes: "Aggregate: the rest of China's Gd oxide (incl. Gd-Fe for magnets). Location est." });
  consumer("cn-smco-users-aggregate", "SmCo-magnet", { label: "China SmCo users (aggregate)", country: "CN", lat: 31.0, lon: 121.2, sources: src("R160"), notes: "Aggregate: the rest of China's SmCo output. Location est." });

  // ------------------------------------------------------------ edges (t of the source's output)
  const e = (from, to, v, sources, why) => edge(from, to, v, { sources, notes: `${EST}: ${why} Lead time EST by route.` });
  // Ce/La compounds
  const cnc = "cn-lree-compounds-aggregate";
  e(cnc, "jp-catalysts", 3000, src("S37", "S22"), "China's share of Japan's cerium oxide 83.5% and of cerium compounds 50.6% (H1 2024, S37) applied to Japan's catalyst use.");
  e(cnc, "jp-re-compound-processors-aggregate", { need: 2.4 }, src("S37"), "the Chinese part of Japanese processors' feed (S37 shares).");
  e(cnc, "us-catalysts", 3600, src("S24", "S23"), "USGS: China 70% of US compound and metal imports 2020-23 (S24).");
  e(cnc, "us-glass-polishing-ceramics", 400, src("S24", "S23"), "USGS China share applied to US glass, polishing and ceramics use.");
  e(cnc, "kr-lree-users", 2100, src("S36"), "China's exports to Korea (S36) less other origins.");
  e(cnc, "eu-lree-users", 3500, src("S36", "R102b"), "China's exports to the Netherlands and Italy (S36); China ≈95% of EU RE needs (R102b).");
  e(cnc, "cn-lree-users-aggregate", "rest", src("R47"), "the rest of China's output.");
  e("lynas-lamp-lace", "us-catalysts", 1050, src("S24", "R07"), "USGS: Malaysia 13% of US compound imports 2020-23 (S24); Lynas is Malaysia's only separator.");
  e("lynas-lamp-lace", "jp-catalysts", 500, src("R20", "S05"), "Lynas sells in Japan through Sojitz (R20); split not public.");
  e("lynas-lamp-lace", "eu-lree-users", 800, src("S05"), "Lynas' European sales; split not public.");
  e("lynas-lamp-lace", "kr-lree-users", 200, src("S05"), "split not public.");
  e("lynas-lamp-lace", "cn-lree-users-aggregate", "rest", src("S05", "S06"), "China is Lynas' first destination by value (S05).");
  e("mp-mountain-pass-lace", "us-catalysts", 1800, src("S24", "S25"), "domestic supply ≈20% of US use (80% import reliance, S24).");
  e("solvay-la-rochelle-compounds", "jp-re-compound-processors-aggregate", { need: 0.9 }, src("S37"), "France was Japan's first cerium-compound supplier before 2024 (S37).");
  e("solvay-la-rochelle-compounds", "jp-catalysts", 500, src("S37"), "French cerium compounds for Japanese catalysts.");
  e("solvay-la-rochelle-compounds", "us-catalysts", 300, src("S24"), "USGS 'other' 6% of US imports.");
  e("solvay-la-rochelle-compounds", "eu-lree-users", "rest", src("R102", "R102b"), "the rest to European users.");
  e("neo-silmet-compounds", "us-glass-polishing-ceramics", 400, src("S24"), "USGS: Estonia 5% of US compound imports (S24).");
  e("neo-silmet-compounds", "jp-catalysts", 200, src("R105"), "split not public.");
  e("neo-silmet-compounds", "eu-lree-users", "rest", src("R105"), "the rest to European users.");
  e("toyotsu-india-lree", "jp-re-compound-processors-aggregate", { need: 0.5 }, src("R135"), "all of Toyotsu's output goes to Japan (R135).");
  e("jp-re-compound-processors-aggregate", "us-glass-polishing-ceramics", 500, src("S24"), "USGS: Japan 6% of US compound imports (S24).");
  e("jp-re-compound-processors-aggregate", "kr-lree-users", 200, src("S24"), "split not public.");
  e("jp-re-compound-processors-aggregate", "jp-polishing-glass", "rest", src("S21"), "the rest to Japanese users.");
  // metals, Y, Gd
  e("cn-lree-metal-aggregate", "jp-nimh-batteries", 1500, src("S21", "S22"), "Japanese NiMH alloy makers buy Chinese mischmetal (S21); volume EST.");
  e("cn-lree-metal-aggregate", "us-metallurgy", 640, src("S23"), "US imports of ferrocerium/alloys and RE metals ≈640 t (2020, S23), mostly Chinese.");
  e("cn-lree-metal-aggregate", "rest-of-world-lree-metal", "rest", src("S36"), "other destinations.");
  e("cn-y-oxide-aggregate", "jp-ceramics-phosphors", 1500, src("S37", "S21"), "China 98.7% of Japan's Y oxide (S37).");
  e("cn-y-oxide-aggregate", "us-y-users", 400, src("S24"), "China 93% of US yttrium (S24).");
  e("cn-y-oxide-aggregate", "kr-y-users", 300, src("S36"), "volume EST.");
  e("cn-y-oxide-aggregate", "eu-y-users", 600, src("R102b"), "volume EST.");
  e("cn-y-oxide-aggregate", "cn-y-users-aggregate", "rest", src("R47"), "the rest of China's output.");
  e("cn-gd-oxide-aggregate", "jp-gd-users", 300, src("S21"), "volume EST.");
  e("cn-gd-oxide-aggregate", "us-gd-users", 200, src("S24"), "volume EST.");
  e("cn-gd-oxide-aggregate", "cn-gd-users-aggregate", "rest", src("R47"), "the rest of China's output.");
  // samarium and SmCo
  e("cn-sm-metal-aggregate", "jp-smco-makers-aggregate", { need: 1 }, src("R93"), "Japanese SmCo makers' Sm metal from China.");
  e("cn-sm-metal-aggregate", "us-smco-makers-aggregate", { need: 1 }, src("R93", "R160"), "US SmCo makers' Sm metal, imported from China.");
  e("cn-sm-metal-aggregate", "cn-smco-makers-aggregate", { need: 1 }, src("R93"), "Chinese SmCo makers.");
  e("cn-smco-makers-aggregate", "us-smco-users", 300, src("R160"), "US SmCo imports, mostly Chinese (R160).");
  e("cn-smco-makers-aggregate", "eu-smco-users", 300, src("R102b"), "volume EST.");
  e("cn-smco-makers-aggregate", "jp-smco-users", 50, src("R160"), "volume EST.");
  e("cn-smco-makers-aggregate", "cn-smco-users-aggregate", "rest", src("R160"), "the rest of China's output.");
  e("jp-smco-makers-aggregate", "us-smco-users", 50, src("R160"), "Japanese SmCo exports to the US; volume EST.");
  e("jp-smco-makers-aggregate", "jp-smco-users", "rest", src("S21"), "the rest to Japanese users.");
  e("us-smco-makers-aggregate", "us-smco-users", "rest", src("R160"), "all to US users.");
  consumer("rest-of-world-lree-metal", "LREE-metal", { label: "Rest of world mischmetal users (aggregate)", country: "ZZ", sources: src("S36"), notes: "Aggregate: Korea, EU and other destinations of Chinese mischmetal and RE metals; ZZ = several countries. Volume EST." });
}
