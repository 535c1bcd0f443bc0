// The 2025 rare-earth magnet network (declarations). Run `node graphs/_tools/build.mjs` to regenerate the JSON.
import {
  collector,
  DYTB_OXIDE_PER_METAL as DYO,
  IONIC_HEAVY_PER_DYTB,
  IONIC_LIGHT_PER_NDPR,
  LREE_PER_NDPR,
  NDPR_OXIDE_PER_METAL as NDO,
  NDPR_PER_MAGNET as NDM,
  SCRAP_HEAVY_PER_DYTB,
  SCRAP_LIGHT_PER_NDPR,
  src,
} from "./common.mjs";
import { declareBasket2025 } from "./basket-2025.mjs";

const EST_COORD = "Coordinates estimated at town level (ree-facts 'est.').";

export function declare2025() {
  const { node, edge, finish } = collector();
  const op = (since) => ({ status: "operating", since });

  // ---------------------------------------------------------------- mines (t REO in concentrate, as reported)
  node("cnre-bayan-obo", {
    label: "Bayan Obo mine (CNRE / Baotou Steel)", stage: "mine", country: "CN", operator: "China Northern Rare Earth (CNRE) / Baotou Steel",
    lat: 41.783, lon: 109.974, capacity: 189160, output: "REO-concentrate", ...op(1957), sources: src("R47", "R51", "R169"),
    notes: "Output EST = 2 × CNRE's H1-2024 mining quota of 94,580 t REO (R47) = 189,160 t, all attributed to Bayan Obo. Coordinates from source.",
  });
  node("cn-sichuan-shandong-mines-aggregate", {
    label: "Sichuan & Shandong light-RE mines (aggregate, CREG)", stage: "mine", country: "CN", operator: "China Rare Earth Group (CREG) and predecessors",
    lat: 28.3, lon: 102.2, capacity: 60560, output: "REO-concentrate", ...op(1990), sources: src("R47", "R52", "R168"),
    notes: "Aggregate. Output EST = 2 × CREG's H1-2024 light-RE mining quota of 30,280 t (R47). Placed at Mianning, Sichuan (est.).",
  });
  node("cn-ionic-clay-mines-aggregate", {
    label: "Southern China ionic-clay mines (aggregate, CREG)", stage: "mine", country: "CN", operator: "China Rare Earth Group (CREG)",
    lat: 25.83, lon: 114.93, capacity: 20280, output: "HREE-concentrate", ...op(1980), sources: src("R47", "R52", "R53"),
    notes: "Aggregate. Output EST = 2 × CREG's H1-2024 ion-adsorption quota of 10,140 t (R47); China's whole ionic quota ≈19,000 t (L16). " + EST_COORD + " (Ganzhou)",
  });
  node("mm-kachin-mines-aggregate", {
    label: "Kachin State ionic-clay mines, Myanmar (aggregate)", stage: "mine", country: "MM", operator: "Various; KIA-controlled since Oct 2024",
    lat: 25.9, lon: 98.3, capacity: 43000, output: "HREE-concentrate", ...op(2015), sources: src("R44", "R54", "R55", "R56", "S34", "S35"),
    notes: "Aggregate. 2025 output EST 26,000 t REO: USGS 2024 31,000 t (2023: 43,000 t, used as capacity); after the KIA seizure (Oct 2024) China's imports fell to 311 t in Feb 2025 (-89% y/y, S35), then Myanmar stocks were rushed out in April-May, leaving Jan-May 2025 unlisted-oxide imports (>80% Myanmar) only 8% below 2024 (S34); no full-year figure found. All of it goes to Chinese separators (L16). 'since' EST (USGS reports Myanmar from 2018). " + EST_COORD,
    ranges: { capacity: { low: 31000, high: 43000, why: "USGS 2024 and 2023 output" } },
  });
  node("mp-mountain-pass-mine", {
    label: "Mountain Pass mine (MP Materials)", stage: "mine", country: "US", operator: "MP Materials",
    lat: 35.48, lon: -115.53, capacity: 45455, output: "REO-concentrate", ...op(1952), sources: src("R27", "R29", "R30", "R37", "R188"),
    notes: "Capacity = 2024 record output 45,455 t REO (R27). 2025 flows EST: 34,255 t to MP's own separation site, of which ≈13,000 t separated (2,600 t NdPr × 5; 9M-2025 NdPr 1,881 t + Q4 ≈ Q3 721 t) and ≈11,200 t to Shenghe until shipments stopped on 17 Apr 2025 (China's Jan-May ore imports, S34). The rest of 2025 output was stockpiled at site and is not a flow. Mine restarted by MP in 2018. " + EST_COORD,
  });
  node("lynas-mount-weld", {
    label: "Mount Weld mine + Kalgoorlie cracking & leaching (Lynas)", stage: "mine", country: "AU", operator: "Lynas Rare Earths",
    lat: -28.86, lon: 122.548, capacity: 13000, output: "REO-concentrate", ...op(2007), sources: src("R01", "R02", "R03", "R04", "R05", "R07", "R44"),
    notes: "Output = USGS 2024 Australia 13,000 t REO (Lynas is the only producer). Lynas reports REO in finished products, so this is on that basis, not contained REO. The Kalgoorlie plant (opened Nov 2024, ≈350-400 km away, ≈-30.75, 121.47 est.) is folded into this node: the concentration report sums every node of a stage, so a mine→concentrator chain would count Australian output twice. Split 10,500 t to the NdPr circuit (6,558 t NdPr × 1.6, see LAMP) and 1,500 t (the HRE circuit's SEG+HRE feed, F03) to the HRE circuit; the rest of the REO is in the La/Ce products (a co-product node). Coordinates from source.",
  });
  node("la-ionic-clay-mines-aggregate", {
    label: "Laos ionic-clay mines, Chinese-invested (aggregate)", stage: "mine", country: "LA", operator: "Chinese-invested miners",
    lat: 20.0, lon: 102.0, output: "HREE-concentrate", ...op(2020), sources: src("S13", "S34"),
    notes: "Aggregate. Output EST 8,000 t REO: China's 2023 imports from Laos were 38% of 15,125 t MREC, 12% of 43,960 t 'other compounds' and 1.3% of 43,906 t mixed oxides (S13) ≈ 11,600 t of product at ≈60-80% REO. USGS does not list Laos separately. All to Chinese separators. 'since' and location EST.",
    ranges: { capacity: { low: 5000, high: 13000, why: "product tonnage × 50-90% REO; 2025 volumes not public" } },
  });
  node("ng-mines-aggregate", {
    label: "Nigeria monazite / tin-columbite by-product mines (aggregate)", stage: "mine", country: "NG", operator: "Various artisanal and small miners",
    lat: 9.9, lon: 8.9, capacity: 13000, output: "REO-concentrate", ...op(2020), sources: src("R44", "S13"),
    notes: "Aggregate. Output = USGS 2024 Nigeria 13,000 t REO. Assumed all shipped to China as monazite (Nigeria = 25% of China's 2023 monazite imports, S13). 'since' EST. Placed on the Jos Plateau (est.).",
  });
  node("th-mines-aggregate", {
    label: "Thailand rare-earth mines (aggregate)", stage: "mine", country: "TH", operator: "Various",
    lat: 8.0, lon: 98.3, capacity: 13000, output: "REO-concentrate", ...op(2020), sources: src("R44", "S13"),
    notes: "Aggregate. Output = USGS 2024 Thailand 13,000 t REO. Assumed all shipped to Chinese light-RE separators as monazite (Thailand = 13% of China's 2023 monazite imports, S13); part may be ionic-clay material, split not public. 'since' EST; location est.",
  });
  node("irel-oscom", {
    label: "IREL Orissa Sands Complex monazite plant (OSCOM)", stage: "mine", country: "IN", operator: "IREL (India) Ltd",
    lat: 19.36, lon: 84.99, capacity: 5000, output: "REO-concentrate", ...op(2015), sources: src("R133", "R134", "R44", "R135"),
    notes: "Output = USGS 2024 India 2,900 t REO (capacity ≈5,000 t REO as MRECl). 2025 split EST: 500 t to Toyotsu (≈1,000 t in 2024, halved after India's June 2025 request to stop exports to Japan), rest to IREL RED Aluva. " + EST_COORD,
  });
  node("ru-lovozero-solikamsk", {
    label: "Russia: Lovozero loparite → Solikamsk (aggregate)", stage: "mine", country: "RU", operator: "Lovozero GOK / Solikamsk Magnesium Works",
    lat: 67.9, lon: 34.6, capacity: 2500, output: "REO-concentrate", ...op(1951), sources: src("R44"),
    notes: "Aggregate. Output = USGS 2024 Russia 2,500 t REO, shown so the mine stage matches USGS; the Russian separation chain is not modelled (no edges). 'since' and location EST.",
  });
  node("serra-verde-pela-ema", {
    label: "Serra Verde Pela Ema ionic-clay mine & MREC plant", stage: "mine", country: "BR", operator: "Serra Verde",
    lat: -13.53, lon: -48.22, output: "HREE-concentrate", ...op(2024), sources: src("R140", "R141", "R142", "R143"),
    notes: "Output EST 4,500 t REO (current 4,000-5,000 t, R143); the 6,500 t early-2027 target is not 2025 capacity, so the common rule applies. Most output assumed to go to Chinese processors (L40). " + EST_COORD,
  });
  node("chemours-monazite", {
    label: "Chemours heavy-mineral-sands monazite (Florida/Georgia)", stage: "mine", country: "US", operator: "Chemours",
    lat: 30.0, lon: -82.0, output: "REO-concentrate", status: "idle", since: 2021, sources: src("R122", "R120"),
    notes: "Feed of White Mesa (L34). White Mesa ran uranium through 2025, so no 2025 monazite flow: idle in the 2025 baseline. 'since' = first White Mesa RE campaigns; location est.",
  });
  // planned / stalled mines
  node("arafura-nolans-mine", {
    label: "Nolans mine (Arafura)", stage: "mine", country: "AU", operator: "Arafura Rare Earths", lat: -22.6, lon: 133.2,
    capacity: 22200, output: "REO-concentrate", status: "planned", since: 2028, sources: src("R129", "R130", "R131", "R132"),
    notes: "Capacity EST = 4,440 t NdPr × 5. First production slipped from 2025; 'since' 2028 is an assumption (no date in sources). " + EST_COORD,
  });
  node("minamitorishima-mud", {
    label: "Minamitorishima deep-sea rare-earth mud (trial)", stage: "mine", country: "JP", operator: "Cabinet Office SIP / JAMSTEC",
    lat: 24.28, lon: 153.98, capacity: 255, output: "HREE-concentrate", status: "planned", since: 2028, sources: src("R88", "R89", "R90", "R91", "R92"),
    notes: "Capacity EST = test-system rate 350 t mud/day × 2 kg REE/t × 365 ≈ 255 t REE/yr. Commercial start '2028+' (brief) vs ~2030 (R92). No offtaker announced, so no edges.",
  });
  node("round-top", {
    label: "Round Top deposit (USA Rare Earth)", stage: "mine", country: "US", operator: "USA Rare Earth", lat: 31.2, lon: -105.4,
    output: "HREE-concentrate", status: "planned", since: 2028, sources: src("R118"),
    notes: "Volume not disclosed; commercial production targeted late 2028. Future feed of USAR Stillwater (not wired: concentrate would need separation first). " + EST_COORD,
  });
  node("dong-pao-mine", {
    label: "Dong Pao mine, Lai Chau", stage: "mine", country: "VN", operator: "Lai Chau Vimico RE JSC (licence 2014)", lat: 22.4, lon: 103.4,
    output: "REO-concentrate", status: "planned", sources: src("R137", "R139"),
    notes: "Stalled; auction planned 2023-24; no start year in sources, so no 'since'. ≈7 Mt ore at 5% REO. " + EST_COORD,
  });

  // ---------------------------------------------------------------- recycling
  node("cn-ndfeb-scrap-recycling-aggregate", {
    label: "China NdFeB scrap recycling (aggregate)", stage: "recycling", country: "CN", operator: "≈40 plants, 64% in Jiangxi",
    lat: 27.11, lon: 114.99, capacity: 34147, output: "REO-concentrate", ...op(2005), sources: src("S01", "S19"),
    notes: "Aggregate. Output = 34,147 t REO recovered from NdFeB scrap in 2024 (S01), as mixed RE feed (t REO). Split: 2,085 t heavy (Gd+Tb+Dy+Ho) to HRE separation, 32,062 t to NdPr separation. Placed at Ji'an, Jiangxi (est.); 'since' EST.",
  });
  node("shin-etsu-smmv-recycling", {
    label: "Shin-Etsu SMMV scrap and spent-magnet feed (Hai Phong)", stage: "recycling", country: "VN", operator: "Shin-Etsu Chemical",
    lat: 20.86, lon: 106.68, capacity: 1000, output: "REO-concentrate", ...op(2013), sources: src("R66", "R67", "R68"),
    notes: "≈1,000 t/yr RE refining feed (spent magnets, scrap, ore; R68), taken as 1,000 t REO. " + EST_COORD,
  });
  node("noveon-recycled-feed", {
    label: "Noveon recycled magnet feed", stage: "recycling", country: "US", operator: "Noveon Magnetics",
    lat: 29.88, lon: -97.94, output: "NdPr-metal", ...op(2020), sources: src("R113"),
    notes: "Noveon makes sintered magnets from recycled magnet feed. Expressed as NdPr-metal content (0.29 t per t magnet); the feed keeps its own Dy/Tb. Capacity by the common rule (the 2,000 t nameplate × 0.29 = 580 t is in the pipeline scenario). 'since' EST. " + EST_COORD,
  });
  node("heraeus-remloy", {
    label: "Heraeus Remloy recycling plant, Bitterfeld-Wolfen", stage: "recycling", country: "DE", operator: "Heraeus",
    lat: 51.62, lon: 12.32, capacity: 600, output: "NdFeB-magnet", ...op(2024), sources: src("R124"),
    notes: "600 t/yr recycled NdFeB powder (→1,200 t) for bonded and hot-formed magnet makers in Europe (not modelled), so it ships to 'EU other'. Volume EST at nameplate. " + EST_COORD,
  });
  node("mp-recycling-line", {
    label: "MP magnet recycling line (Apple programme)", stage: "recycling", country: "US", operator: "MP Materials",
    lat: 35.48, lon: -115.53, output: "NdPr-metal", status: "planned", since: 2027, sources: src("R33"),
    notes: "Recycling line at Mountain Pass feeding Apple's recycled magnets from 2027; volume not disclosed. " + EST_COORD,
  });
  node("ulba-magnet-recycling", {
    label: "Ulba Metallurgical Plant magnet recycling", stage: "recycling", country: "KZ", operator: "Kazatomprom group",
    lat: 49.95, lon: 82.61, output: "REO-concentrate", status: "planned", since: 2026, sources: src("R145"),
    notes: "Planned with EU cooperation; capacity not disclosed; no edges. " + EST_COORD,
  });

  // ---------------------------------------------------------------- separation / refining (t oxide)
  const lree = { "REO-concentrate": LREE_PER_NDPR };
  node("cnre-baotou-huamei", {
    label: "Baotou Huamei green-smelting separation complex (CNRE)", stage: "refinery", country: "CN", operator: "CNRE",
    lat: 40.66, lon: 109.84, capacity: 21332, output: "NdPr-oxide", recipe: lree, ...op(2024), sources: src("R49", "R47"),
    notes: "Phase 1 separates 106,661 t REO/yr (R49); NdPr capacity EST = 106,661 / 5. " + EST_COORD,
  });
  node("cnre-baotou-separators-aggregate", {
    label: "CNRE Baotou separation plants excl. Huamei (aggregate)", stage: "refinery", country: "CN", operator: "CNRE",
    lat: 40.6, lon: 110.0, capacity: 25468, output: "NdPr-oxide", recipe: lree, ...op(1990), sources: src("R49", "R47", "R169"),
    notes: "Aggregate. Baotou smelting/separation capacity 234,000 t minus Huamei 106,661 t = 127,339 t REO → NdPr capacity EST 25,468 t. Takes the rest of Bayan Obo's output. 'since' EST; location est.",
  });
  node("cn-light-separators-aggregate", {
    label: "China light-RE separators: Sichuan, Shandong, Jiangsu (aggregate)", stage: "refinery", country: "CN", operator: "CREG and others",
    lat: 30.6, lon: 104.07, output: "NdPr-oxide", recipe: lree, ...op(1990), sources: src("R47", "R48", "S13", "S19"),
    notes: "Aggregate. Separates CREG's light-RE ore and imported monazite (Nigeria, Thailand). Output = what its metal-maker customers need (README). 'since' EST; placed at Chengdu (est.).",
  });
  node("shenghe-leshan", {
    label: "Shenghe Resources (Leshan, Sichuan)", stage: "refinery", country: "CN", operator: "Shenghe Resources",
    lat: 29.55, lon: 103.77, output: "NdPr-oxide", recipe: lree, ...op(2004), sources: src("R29", "R43", "R180", "S14"),
    notes: "Capacity not sourced. Modelled only for the MP concentrate it bought until April 2025 (L08); its domestic feed is inside the light-RE aggregate. " + EST_COORD,
  });
  node("cn-south-ndpr-separators-aggregate", {
    label: "Southern China ionic-clay separators, light circuits (aggregate)", stage: "refinery", country: "CN", operator: "CREG and others (Jiangxi, Guangdong, Fujian, Yunnan)",
    lat: 25.83, lon: 114.93, output: "NdPr-oxide", recipe: { "HREE-concentrate": IONIC_LIGHT_PER_NDPR }, ...op(1990), sources: src("R47", "R53", "R54", "R55"),
    notes: "Aggregate. Gets the light half of ionic-clay feed (China, Myanmar, Serra Verde); NdPr ≈ 50% of that half (README). 'since' EST. " + EST_COORD,
  });
  node("cn-south-hre-separators-aggregate", {
    label: "Southern China ionic-clay separators, heavy circuits (aggregate)", stage: "refinery", country: "CN", operator: "CREG and others (Jiangxi, Guangdong, Fujian, Yunnan)",
    lat: 25.85, lon: 114.95, output: "DyTb-oxide", recipe: { "HREE-concentrate": IONIC_HEAVY_PER_DYTB }, ...op(1990), sources: src("R47", "R53", "R55", "R56"),
    notes: "Aggregate. Gets the heavy half of ionic-clay feed; Dy+Tb ≈ 11% of that half (README). Myanmar = 57% of world Dy/Tb (N25). 'since' EST. " + EST_COORD,
  });
  node("cn-scrap-separators-ndpr-aggregate", {
    label: "China scrap separators, NdPr (aggregate)", stage: "refinery", country: "CN", operator: "Jiangxi, Shandong, Jiangsu recyclers",
    lat: 27.11, lon: 114.99, capacity: 26504, output: "NdPr-oxide", recipe: { "REO-concentrate": SCRAP_LIGHT_PER_NDPR }, ...op(2005), sources: src("S01"),
    notes: "Aggregate. 26,504 t PrNd oxide from scrap in 2024 (S01); ratio = 32,062 / 26,504. 'since' EST; location est.",
  });
  node("cn-scrap-separators-hre-aggregate", {
    label: "China scrap separators, Dy/Tb (aggregate)", stage: "refinery", country: "CN", operator: "Jiangxi, Shandong, Jiangsu recyclers",
    lat: 27.12, lon: 115.0, capacity: 870, output: "DyTb-oxide", recipe: { "REO-concentrate": SCRAP_HEAVY_PER_DYTB }, ...op(2005), sources: src("S01"),
    notes: "Aggregate. 710 t Dy + 160 t Tb oxide from scrap in 2024 (S01); ratio = 2,085 / 870. 'since' EST; location est.",
  });
  node("lynas-lamp-ndpr", {
    label: "Lynas Malaysia (LAMP), NdPr circuit", stage: "refinery", country: "MY", operator: "Lynas Rare Earths",
    lat: 3.97, lon: 103.38, capacity: 7214, output: "NdPr-oxide", recipe: { "REO-concentrate": 1.6 }, ...op(2012), sources: src("R06", "R07", "R08", "R186", "S05", "S06"),
    notes: "FY25 NdPr 6,558 t and total REO in products 10,462 t (R07): ratio 1.6 t REO per t NdPr (Lynas' product basis; the La/Ce and SEG are the co-product node). Capacity as operated in 2025 = 1.1 × 6,558 t (the expanded 10,500 t line was ramping with Kalgoorlie; nameplate in the pipeline scenario). Sales EST: 3,261 t to China (calendar-2024 China import data, S06; FY25 split not public), 1,900 t to Vietnamese metal makers and 1,300 t to Japan via Sojitz (destinations by value: China, Vietnam, Japan, S05; split EST), rest to Less Common Metals. " + EST_COORD,
    ranges: { capacity: { low: 6558, high: 10500, why: "FY25 output to nameplate" }, "recipe.REO-concentrate": { low: 1.5, high: 1.75, why: "10,462/6,558 = 1.60 (FY25); 10,908/5,655 = 1.93 (FY24) counts La/Ce too" } },
  });
  node("lynas-lamp-hre", {
    label: "Lynas Malaysia (LAMP), heavy-RE circuit", stage: "refinery", country: "MY", operator: "Lynas Rare Earths",
    lat: 3.971, lon: 103.381, capacity: 100, output: "DyTb-oxide", recipe: { "REO-concentrate": 15 }, ...op(2025), sources: src("R09", "R10", "R11", "R21", "R22"),
    notes: "First Dy oxide May 2025, Tb June 2025. Output EST 100 t Dy+Tb oxide/yr (a run rate) from ≈1,500 t SEG+HRE feed (≈6.7%; Lynas disclosed only the feed throughput). Up to 65% reserved for Japan (R21); Sojitz's imports began 30 Oct 2025, so the 65 t to Japan is a run rate, not the 2025 volume; the other 35 t go to customers not named. " + EST_COORD,
    ranges: { capacity: { low: 50, high: 150, why: "Dy+Tb 3-10% of the ≈1,500 t/yr heavy feed; output not disclosed" } },
  });
  node("lynas-malaysia-hre-plant", {
    label: "Lynas Malaysia new heavy-RE separation plant", stage: "refinery", country: "MY", operator: "Lynas Rare Earths",
    lat: 3.972, lon: 103.382, capacity: 500, output: "DyTb-oxide", recipe: { "REO-concentrate": 10 }, status: "construction", since: 2026, sources: src("R12", "R13"),
    notes: "5,000 t/yr HRE feedstock, first output ≈Apr 2026. Dy+Tb capacity EST = 10% of feed. 65% to Japan assumed as for the existing circuit (R21). " + EST_COORD,
  });
  node("lynas-texas", {
    label: "Lynas US processing facility, Seadrift TX", stage: "refinery", country: "US", operator: "Lynas USA",
    lat: 28.41, lon: -96.71, capacity: 1250, output: "NdPr-oxide", status: "planned", sources: src("R14", "R15", "R16", "R17"),
    notes: "Design 1,250 t NdPr (2021). Nov 2025 AGM: 'unlikely to proceed' (R17), so no start year: no year-based pipeline scenario brings it online. DoD offtake routed to 'US other' (includes defence). No feed wired (MREC from Kalgoorlie originally). " + EST_COORD,
  });
  node("mp-mountain-pass-separation", {
    label: "Mountain Pass separation (MP Materials)", stage: "refinery", country: "US", operator: "MP Materials",
    lat: 35.481, lon: -115.531, output: "NdPr-oxide", recipe: lree, ...op(2023), sources: src("R27", "R37", "R41", "R42"),
    notes: "2025 NdPr EST 2,600 t (9M 1,881 t + Q4 ≈ Q3 721 t, R37). Split EST: 1,200 t to Japan through Sumitomo and 600 t to Vietnamese metal makers (the 3,000 t/yr Sumitomo plan of 2023, R42, was not an observed 2025 flow; the July 2025 DoD agreement steers NdPr to Fort Worth, R166), a little to MP Independence; the rest (≈800 t) went to inventory, not a flow. " + EST_COORD,
  });
  node("mp-hree-circuit", {
    label: "Mountain Pass heavy-RE circuit", stage: "refinery", country: "US", operator: "MP Materials",
    lat: 35.482, lon: -115.532, capacity: 200, output: "DyTb-oxide", recipe: { "REO-concentrate": 15 }, status: "construction", since: 2026, sources: src("R36", "R188"),
    notes: "Nameplate 200 t/yr Dy/Tb from ≈3,000 t feed (ratio 15). " + EST_COORD,
  });
  node("maaden-mp-refinery-jv", {
    label: "Maaden-MP-DoW rare-earth refinery JV", stage: "refinery", country: "SA", operator: "Maaden (≥51%), MP + US DoW (≤49%)",
    lat: 26.0, lon: 49.8, output: "NdPr-oxide", status: "planned", sources: src("R38", "R39", "R40"),
    notes: "Site, capacity and start year not disclosed (no 'since'); location placeholder in the Eastern Province (EST). Offtake to US and Saudi buyers, wired to 'US other' without a volume.",
  });
  node("energy-fuels-white-mesa", {
    label: "Energy Fuels White Mesa Mill (Phase 1)", stage: "refinery", country: "US", operator: "Energy Fuels",
    lat: 37.54, lon: -109.5, output: "NdPr-oxide", recipe: lree, status: "idle", since: 2024, sources: src("R120", "R121", "R122", "R123"),
    notes: "Phase 1 nameplate 850-1,000 t/yr NdPr, but only tens of tonnes were made (a Q2 2024 campaign) and the mill ran uranium through 2025: idle in the 2025 baseline, no capacity counted. Buyers (POSCO International, Vulcan Elements) hold MOUs only. " + EST_COORD,
  });
  node("energy-fuels-white-mesa-phase2-ndpr", {
    label: "Energy Fuels White Mesa Phase 2, NdPr", stage: "refinery", country: "US", operator: "Energy Fuels",
    lat: 37.541, lon: -109.501, capacity: 6000, output: "NdPr-oxide", status: "planned", since: 2029, sources: src("R121"),
    notes: ">6,000 t/yr NdPr, commissioning ~Q1 2029 (BFS Jan 2026; weak social-media summary). No binding offtaker, so no edges. " + EST_COORD,
  });
  node("energy-fuels-white-mesa-phase2-hre", {
    label: "Energy Fuels White Mesa Phase 2, Dy/Tb", stage: "refinery", country: "US", operator: "Energy Fuels",
    lat: 37.542, lon: -109.502, capacity: 306, output: "DyTb-oxide", status: "planned", since: 2029, sources: src("R121"),
    notes: "≈240 t Dy + ≈66 t Tb (weak source). No binding offtaker. " + EST_COORD,
  });
  node("solvay-la-rochelle", {
    label: "Solvay La Rochelle rare-earth plant", stage: "refinery", country: "FR", operator: "Solvay",
    lat: 46.16, lon: -1.15, capacity: 330, output: "NdPr-oxide", ...op(1948), sources: src("R100", "R101", "R102"),
    notes: "Magnet-RE line since Apr 2025, 'a few hundred tonnes' in 2025 (R100): capacity as operated EST 330 t NdPr (1.1 × 300 t); the 1,000 t line is in the pipeline scenario (REO potential 2,000-5,000 t). Feed partners (Pensana etc.) have no public volumes, so it is a source here. Ships to Less Common Metals (assumed route to European magnet makers). " + EST_COORD,
  });
  node("caremag-lacq-ndpr", {
    label: "Caremag Lacq, NdPr", stage: "refinery", country: "FR", operator: "Carester (Caremag)",
    lat: 43.41, lon: -0.62, capacity: 800, output: "NdPr-oxide", status: "construction", since: 2026, sources: src("R103", "R104"),
    notes: "800 t/yr NdPr oxides from recycled magnets and concentrates; feed partners not named (no feed edge); no NdPr offtaker announced. " + EST_COORD,
  });
  node("caremag-lacq-hre", {
    label: "Caremag Lacq, Dy/Tb", stage: "refinery", country: "FR", operator: "Carester (Caremag)",
    lat: 43.411, lon: -0.621, capacity: 600, output: "DyTb-oxide", status: "construction", since: 2026, sources: src("R103", "R104"),
    notes: "600 t/yr Dy+Tb oxides; ≈250 t Dy + 45 t Tb to Iwatani/Japan from 2027 (L37). " + EST_COORD,
  });
  node("iluka-eneabba-ndpr", {
    label: "Iluka Eneabba refinery, NdPr", stage: "refinery", country: "AU", operator: "Iluka Resources",
    lat: -29.82, lon: 115.27, capacity: 4600, output: "NdPr-oxide", status: "construction", since: 2027, sources: src("R125", "R126", "R127", "R128"),
    notes: "Up to 23,000 t/yr REO; NdPr capacity EST = 20%. Offtakes not disclosed, so no edges. " + EST_COORD,
  });
  node("iluka-eneabba-hre", {
    label: "Iluka Eneabba refinery, Dy/Tb", stage: "refinery", country: "AU", operator: "Iluka Resources",
    lat: -29.821, lon: 115.271, capacity: 230, output: "DyTb-oxide", status: "construction", since: 2027, sources: src("R125", "R126", "R127"),
    notes: "Separated Dy and Tb; capacity EST = 1% of 23,000 t REO (not disclosed). No offtakes disclosed. " + EST_COORD,
  });
  node("arafura-nolans", {
    label: "Nolans processing plant (Arafura)", stage: "refinery", country: "AU", operator: "Arafura Rare Earths",
    lat: -22.61, lon: 133.21, capacity: 4440, output: "NdPr-oxide", recipe: lree, status: "planned", since: 2028, sources: src("R129", "R130", "R131"),
    notes: "Nameplate 4,440 t NdPr oxide. Offtakes: Hyundai/Kia up to 1,500 t/yr and Siemens Gamesa 400 t/yr (NdPr oxide or metal; the consumers' magnet makers would convert it; tonnes are of oxide). 'since' 2028 assumed. " + EST_COORD,
  });
  node("neo-silmet", {
    label: "NPM Silmet, Sillamäe", stage: "refinery", country: "EE", operator: "Neo Performance Materials",
    lat: 59.4, lon: 27.76, capacity: 600, output: "NdPr-oxide", ...op(1970), sources: src("R105", "R109"),
    notes: "3,000 t/yr light-RE separation; NdPr capacity EST 600 t (20%). Feed (Energy Fuels carbonate, Australia) has no 2025 volumes, so it is a source here. Supplies Neo Narva (L32); the metal step is not public and is routed through Less Common Metals (assumption). 'since' EST. " + EST_COORD,
  });
  node("irel-red-aluva", {
    label: "IREL Rare Earths Division, Aluva", stage: "refinery", country: "IN", operator: "IREL (India) Ltd",
    lat: 10.07, lon: 76.33, capacity: 500, output: "NdPr-oxide", recipe: lree, ...op(1952), sources: src("R133", "R134", "R135"),
    notes: "Processes 5,500 t/yr MRECl (≈45% REO, F41) ≈ 2,500 t REO → NdPr capacity EST 500 t. 2025 output 2,400/5 = 480 t, in line with IREL's 450 t Nd plan for FY2025-26. Sold to Indian users not modelled (no out-edge, so the concentration report counts its capacity). " + EST_COORD,
  });
  node("toyotsu-rare-earths-india", {
    label: "Toyotsu Rare Earths India", stage: "refinery", country: "IN", operator: "Toyota Tsusho",
    lat: 17.69, lon: 83.22, output: "NdPr-oxide", recipe: { "REO-concentrate": 4 }, ...op(2012), sources: src("R135", "R136"),
    notes: ">1,000 t RE materials to Japan in 2024 (≈1/3 of IREL's 2,900 t); India asked IREL to stop exports in June 2025, so 2025 feed EST 700 t REO → 175 t NdPr (NdPr ≈25% of IREL's monazite REO, recipe 4). " + EST_COORD,
    ranges: { "recipe.REO-concentrate": { low: 3.5, high: 5, why: "Nd+Pr 20-28% of monazite REO" } },
  });
  node("shin-etsu-smmv-separation", {
    label: "Shin-Etsu SMMV separation (Hai Phong)", stage: "refinery", country: "VN", operator: "Shin-Etsu Chemical",
    lat: 20.861, lon: 106.681, output: "NdPr-oxide", recipe: { "REO-concentrate": 1.3 }, ...op(2013), sources: src("R66", "R67", "R68"),
    notes: "Separates its recycling feed; NdPr ≈ 77% of scrap REO (as S01), ratio 1.3. " + EST_COORD,
  });
  node("vtre-hanoi", {
    label: "Vietnam Rare Earth JSC (VTRE) refinery", stage: "refinery", country: "VN", operator: "VTRE",
    lat: 21.03, lon: 105.85, output: "NdPr-oxide", status: "idle", sources: src("R138", "R139"),
    notes: "Disrupted since the chairman's arrest (Oct 2023); capacity not sourced; no edges. " + EST_COORD,
  });

  // ---------------------------------------------------------------- metal & alloy (t metal)
  const ndMetal = { "NdPr-oxide": NDO };
  const dyMetal = { "DyTb-oxide": DYO };
  node("cnre-baotou-metal", {
    label: "CNRE Baotou metal & alloy plants", stage: "metal", country: "CN", operator: "CNRE",
    lat: 40.65, lon: 109.85, capacity: 39600, output: "NdPr-metal", recipe: ndMetal, ...op(2000), sources: src("R49", "R50"),
    notes: "Huamei metals 39,600 t/yr (R49); CNRE magnet-alloy capacity 100,000 t. Output = what Chinese magnet makers draw (38% of their NdPr metal, EST from CNRE's share of China's NdPr supply). 'since' EST. " + EST_COORD,
  });
  node("cn-metal-makers-aggregate", {
    label: "China NdPr metal & alloy makers excl. CNRE (aggregate)", stage: "metal", country: "CN", operator: "Various (Ganzhou, Sichuan, Jiangxi ...)",
    lat: 25.8, lon: 114.9, output: "NdPr-metal", recipe: ndMetal, ...op(1995), sources: src("R47", "R63", "S06", "S19"),
    notes: "Aggregate. Output = what magnet makers in and outside China draw (README). Takes Lynas' 3,261 t NdPr (S06) and the non-CNRE separators' oxide. 'since' EST; location est.",
  });
  node("cn-dytb-metal-makers-aggregate", {
    label: "China Dy/Tb metal & Dy-Fe alloy makers (aggregate)", stage: "metal", country: "CN", operator: "Various (Ganzhou)",
    lat: 25.81, lon: 114.91, output: "DyTb-metal", recipe: dyMetal, ...op(1995), sources: src("R47", "R53", "R93"),
    notes: "Aggregate. Output = what magnet makers draw. Exports under licence since Apr 2025 (R93). 'since' EST; location est.",
  });
  node("shin-etsu-longyan", {
    label: "Shin-Etsu Longyan alloy plant", stage: "metal", country: "CN", operator: "Shin-Etsu Chemical",
    lat: 25.08, lon: 117.02, capacity: 3000, output: "NdPr-metal", recipe: ndMetal, ...op(2013), sources: src("R69"),
    notes: "3,000 t/yr RE alloys (treated as NdPr-metal content; Dy alloys are in the Dy/Tb aggregate). Output = what Shin-Etsu Takefu needs beyond its Vietnamese metal. " + EST_COORD,
  });
  node("jp-metal-alloy-makers-aggregate", {
    label: "Japan NdPr metal & alloy makers (aggregate)", stage: "metal", country: "JP", operator: "e.g. Proterial (ex-Santoku), Shin-Etsu",
    lat: 34.69, lon: 135.19, output: "NdPr-metal", recipe: ndMetal, ...op(1985), sources: src("R24", "R41", "R42", "R135", "R70"),
    notes: "Aggregate. Converts imported oxide (Lynas via Sojitz, MP via Sumitomo, Toyotsu India, China) to metal/alloy for Japanese magnet makers. Output ≈ inputs / 1.17; split to makers EST. Capacity not disclosed (the common rule); placed at Kobe (est.).",
  });
  node("jp-dytb-metal-makers-aggregate", {
    label: "Japan Dy/Tb metal makers (aggregate)", stage: "metal", country: "JP", operator: "Various",
    lat: 34.7, lon: 135.2, output: "DyTb-metal", recipe: dyMetal, ...op(1985), sources: src("R21", "R22", "R24"),
    notes: "Aggregate. Converts Lynas Dy/Tb oxide (imports since Oct 2025, 65 t/yr EST) and Chinese Dy/Tb oxide (200 t EST) into metal. Placed at Kobe (est.).",
  });
  node("vn-metal-alloy-makers-aggregate", {
    label: "Vietnam RE metal & alloy makers, Japanese-affiliated (aggregate)", stage: "metal", country: "VN", operator: "Japanese-affiliated metal makers (not named in sources)",
    lat: 20.9, lon: 106.0, output: "NdPr-metal", recipe: ndMetal, ...op(2010), sources: src("S04", "S05", "R42", "R67"),
    notes: "Aggregate. Vietnam is Japan's largest RE-metal supplier by value (59.8% in 2024, S04, weak) and Lynas' second destination (S05); MP/Sumitomo oxide is 'further refined in Vietnam' (R42). Inputs: Lynas 1,800 t, MP 1,180 t, Shin-Etsu SMMV ≈769 t oxide; output ≈3,204 t metal split EST. Location est.",
  });
  node("mp-independence-metal", {
    label: "MP Independence metal & alloy (Fort Worth)", stage: "metal", country: "US", operator: "MP Materials",
    lat: 32.98, lon: -97.32, output: "NdPr-metal", recipe: ndMetal, ...op(2025), sources: src("R28", "R33", "R35"),
    notes: "Commercial NdPr metal from 2025; 2025 flow EST = what the trial magnet line used; capacity by the common rule (1.1 × output). Nameplate ≈300 t (enough for the ≈1,000 t magnet line) is in the pipeline scenario, not the 2025 baseline. " + EST_COORD,
  });
  node("mp-dytb-metal", {
    label: "MP Dy/Tb metallisation", stage: "metal", country: "US", operator: "MP Materials",
    lat: 32.981, lon: -97.321, capacity: 174, output: "DyTb-metal", recipe: dyMetal, status: "construction", since: 2026, sources: src("R28", "R36"),
    notes: "Dy/Tb into MP magnets from 2026 (F07). Capacity EST = 200 t oxide / 1.15. " + EST_COORD,
  });
  node("less-common-metals", {
    label: "Less Common Metals, Ellesmere Port", stage: "metal", country: "GB", operator: "Less Common Metals (USA Rare Earth)",
    lat: 53.28, lon: -2.9, output: "NdPr-metal", recipe: ndMetal, ...op(1992), sources: src("R116", "R105", "R100"),
    notes: "The only non-Chinese European metal/alloy maker in the sources (USAR's metals partner). Routes of Lynas, Solvay and Silmet oxide into European magnets go through it (assumption). Output = what its customers draw. 'since' EST; location est.",
  });

  // ---------------------------------------------------------------- magnet makers (t magnet)
  const std = (dytb) => ({ "NdPr-metal": NDM, "DyTb-metal": dytb });
  const magnet = (key, a, production) => node(key, { stage: "magnet", output: "NdFeB-magnet", ...a }, { production });
  const cnNeed = (key, cnre = 0.38) => {
    edge("cnre-baotou-metal", key, { need: cnre });
    edge("cn-metal-makers-aggregate", key, { need: 1 - cnre });
    edge("cn-dytb-metal-makers-aggregate", key, { need: 1 });
  };
  magnet("jl-mag", {
    label: "JL MAG Rare-Earth (Ganzhou, Baotou, Ningbo)", country: "CN", operator: "JL MAG", lat: 25.83, lon: 114.93, capacity: 40000,
    recipe: std(0.025), ...op(2008), sources: src("R57", "R58", "R59"),
    notes: "Output = 2024 magnet blanks 29,300 t (R58; finished ≈20,900 t); capacity 40,000 t end-2025. Dy/Tb 2.5% (EV/wind grades with grain-boundary diffusion, N24, EST). Customer volumes EST (not public). " + EST_COORD,
  }, 29300);
  magnet("zksh", {
    label: "Beijing Zhong Ke San Huan (ZKSH)", country: "CN", operator: "ZKSH", lat: 39.9, lon: 116.4, capacity: 26262,
    recipe: std(0.02), ...op(1985), sources: src("R60", "R60b"),
    notes: "Capacity EST = 18,000 t (2016) + 8,262 t expansion; output EST 20,000 t. Customer volumes EST. " + EST_COORD,
  }, 20000);
  magnet("ningbo-yunsheng", {
    label: "Ningbo Yunsheng", country: "CN", operator: "Ningbo Yunsheng", lat: 29.87, lon: 121.54,
    recipe: std(0.015), ...op(1995), sources: src("R73", "R61b"),
    notes: "Capacity not sourced; output EST 12,000 t. Customer volumes EST. " + EST_COORD,
  }, 12000);
  magnet("xiamen-tungsten", {
    label: "Xiamen Tungsten magnet plants (Changting, Baotou)", country: "CN", operator: "Xiamen Tungsten", lat: 25.84, lon: 116.36, capacity: 17000,
    recipe: std(0.015), ...op(2010), sources: src("R65"),
    notes: "Changting 12,000 t + Baotou 5,000 t capacity; output EST 15,000 t. Customers not sourced (domestic). 'since' EST. " + EST_COORD,
  }, 15000);
  magnet("proterial-china", {
    label: "Proterial (NEOMAX) China magnet plant", country: "CN", operator: "Proterial", lat: 31.3, lon: 120.6,
    recipe: std(0.025), ...op(2010), sources: src("R70", "S20"),
    notes: "Output >2,000 t (R70). Location and 'since' not sourced (placeholder: Suzhou area, EST).",
  }, 2000);
  magnet("tdk-guangdong-rising", {
    label: "Guangdong TDK Rising Rare Earth High Technology Material (JV)", country: "CN", operator: "TDK 59%, Guangdong Rising 37%, Tokai Trade 4%", lat: 23.13, lon: 113.26, capacity: 1500,
    recipe: std(0.025), ...op(2013), sources: src("R72", "R73"),
    notes: "1,500 t/yr JV (2013 plan), assumed at capacity. Location EST (Guangzhou).",
  }, 1500);
  magnet("cn-magnet-makers-aggregate", {
    label: "China other NdFeB magnet makers (aggregate)", country: "CN", operator: "≈200 firms incl. Baotou cluster, Ningbo, Ganzhou",
    lat: 29.9, lon: 121.5, recipe: { "NdPr-metal": 0.28, "DyTb-metal": 0.006 }, ...op(1990), sources: src("R62", "R63", "R64", "R61b", "S11", "S12"),
    notes: "Aggregate. China total 280,000 t (midpoint of SMM 260,000 t and Argus 300,000 t for 2024) minus the named Chinese plants (79,800 t) = 200,200 t. Mixed grades: NdPr 0.28 (Ce/La substitution in low grades), Dy/Tb 0.6% (EST so China's Dy/Tb supply balances). Exports EST from 2025 customs data (S11, S12): EU ≈38%, US ≈400-600 t/month, Korea, Japan ≈230 t/month. Location est.",
  }, 200200);
  for (const key of ["jl-mag", "zksh", "ningbo-yunsheng", "xiamen-tungsten", "proterial-china", "tdk-guangdong-rising", "cn-magnet-makers-aggregate"])
    cnNeed(key);

  magnet("proterial-japan", {
    label: "Proterial (NEOMAX) magnet plants, Japan", country: "JP", operator: "Proterial (Bain Capital consortium)", lat: 35.4, lon: 136.9,
    recipe: std(0.025), ...op(1985), sources: src("R70", "R71", "S03"),
    notes: "Japanese capacity not public. Output EST 9,000 t: Japan's total 23,500 t sized to ≈8% of world output (Argus '<9%', S03; UBS ≈10%, N08) and split by Reuters' 2011 shares (Hitachi 45%, Shin-Etsu 40%, TDK 10%, S22). Site not sourced (placeholder in central Japan).",
    ranges: { production: { low: 7000, high: 10500, why: "45% of Japan's sintered output of 16,000-23,000 t" } },
  }, 9000);
  magnet("shin-etsu-takefu", {
    label: "Shin-Etsu Chemical Takefu plant", country: "JP", operator: "Shin-Etsu Chemical", lat: 35.9, lon: 136.17,
    recipe: std(0.02), ...op(1973), sources: src("R66", "R68", "R86"),
    notes: "Capacity not disclosed (≈4,000 t in 2014 by inference, F19); output EST 7,500 t: Japan's sintered output split by Reuters' 2011 shares (Hitachi/Proterial 45%, Shin-Etsu 40%, TDK 10%, S22) and sized to ≈8% of world output (ran at full capacity in 2025, R86). Grain-boundary diffusion, Dy/Tb 2%. " + EST_COORD,
    ranges: { production: { low: 4000, high: 9000, why: "2014 inference ≈4,000 t (F19); 40% of Japan's sintered output ≈9,000 t" } },
  }, 7500);
  magnet("tdk-japan", {
    label: "TDK NdFeB magnet plants, Japan", country: "JP", operator: "TDK", lat: 39.72, lon: 140.1,
    recipe: std(0.025), ...op(1985), sources: src("R72", "R73", "R71"),
    notes: "Japanese capacity not sourced; output EST 4,500 t (Reuters 2011: TDK 10% of Japan's sintered output, S22; TDK has grown since, see Proterial note). Site placeholder (Akita, EST).",
    ranges: { production: { low: 2000, high: 6000, why: "10-25% of Japan's sintered output" } },
  }, 4500);
  magnet("daido-electronics", {
    label: "Daido Electronics Nakatsugawa (hot-deformed, HRE-free)", country: "JP", operator: "Daido Electronics (Daido Steel)", lat: 35.49, lon: 137.5,
    recipe: { "NdPr-metal": 0.3 }, ...op(2016), sources: src("R74", "R75"),
    notes: "Heavy-RE-free hot-deformed magnets since Aug 2016: no Dy/Tb in the recipe. No tonnage published: hot-deformed magnets are ≈50% of Daido Electronics' sales (R75); output EST 1,500 t (the earlier 2,500 t had no source). " + EST_COORD,
    ranges: { production: { low: 500, high: 2500, why: "no published tonnage; Honda's i-DCD and Freed volumes bound it loosely" } },
  }, 1500);
  magnet("intermetallics-japan", {
    label: "Intermetallics Japan, Nakatsugawa (low-Dy sintered)", country: "JP", operator: "Daido Steel / Mitsubishi Corp", lat: 35.491, lon: 137.501, capacity: 1000,
    recipe: std(0.015), ...op(2013), sources: src("R76", "S17"),
    notes: "500 t/yr (2013-14) in a building for 1,000 t; output EST 1,000 t. Reduced Dy (1.5%). " + EST_COORD,
  }, 1000);
  magnet("shin-etsu-smmv-magnets", {
    label: "Shin-Etsu Magnetic Materials Vietnam (SMMV), magnets", country: "VN", operator: "Shin-Etsu Chemical", lat: 20.862, lon: 106.682, capacity: 2200,
    recipe: std(0.02), ...op(2014), sources: src("R66", "R67"),
    notes: "2,200 t/yr since 2018, assumed at capacity; integrated from separation to sintering. " + EST_COORD,
  }, 2200);
  magnet("vac-hanau", {
    label: "VAC (Vacuumschmelze) Hanau", country: "DE", operator: "VAC Group", lat: 50.13, lon: 8.92,
    recipe: std(0.03), ...op(1970), sources: src("R112", "R112b"),
    notes: "Capacity not disclosed; output EST 1,500 t (largest NdFeB maker in the Western Hemisphere, ≈€400m revenue). Melts its own alloy from metal bought mostly in China (EST half from LCM route). " + EST_COORD,
  }, 1500);
  magnet("evac-sumter", {
    label: "eVAC Magnetics, Sumter SC", country: "US", operator: "VAC Group", lat: 33.92, lon: -80.34,
    recipe: std(0.03), ...op(2025), sources: src("R110", "R111"),
    notes: "Operations from late 2025; 2025 output EST 200 t, all to GM (binding LTA); a 2,000 t target for 2026 is reported (pipeline). VAC said feedstock would be sourced locally, but no US NdPr metal maker shipped at scale in 2025, so the 2025 metal is assumed Chinese (its origin is not public). " + EST_COORD,
    ranges: { production: { low: 50, high: 400, why: "start-up in late 2025; volumes not published" } },
  }, 200);
  magnet("noveon-magnetics", {
    label: "Noveon Magnetics, San Marcos TX", country: "US", operator: "Noveon", lat: 29.881, lon: -97.941,
    recipe: { "NdPr-metal": NDM }, ...op(2020), sources: src("R113", "R114"),
    notes: "Nameplate 2,000 t/yr (R113), not demonstrated: output EST 1,000 t, capacity by the common rule (1.1 × output); the nameplate is in the pipeline scenario. GM deliveries since Jul 2025 (EST 300 t); Nidec 1,000 t over 5 years (≈200 t/yr) and ABB in 'US other'. Recycled feed carries its Dy/Tb. 'since' EST. " + EST_COORD,
  }, 1000);
  magnet("mp-independence", {
    label: "MP Independence magnet plant (Fort Worth)", country: "US", operator: "MP Materials", lat: 32.981, lon: -97.319,
    recipe: { "NdPr-metal": 0.3 }, ...op(2025), sources: src("R28", "R34", "R35"),
    notes: "Nameplate ≈1,000 t/yr; trial magnets in 2025, first deliveries end-2025 (output EST 50 t to GM): 2025 capacity as operated = 1.1 × output (the common rule); the nameplate is in the pipeline scenario. Dy/Tb only from 2026, so the 2025 recipe has none. " + EST_COORD,
  }, 50);
  magnet("neo-narva", {
    label: "Neo Magnequench sintered magnet plant, Narva", country: "EE", operator: "Neo Performance Materials", lat: 59.38, lon: 28.19,
    recipe: std(0.02), ...op(2025), sources: src("R105", "R106", "R107", "R108"),
    notes: "Phase 1 nameplate 2,000 t/yr (in the pipeline scenario); inaugurated Sep 2025, commercial ramp 2026, so 2025 capacity = 1.1 × output (the common rule); 2025 output EST 100 t to Bosch/Schaeffler (L31). The Tier-1 contract (≈700 t/yr from H2 2026, L30) is not a 2025 flow. " + EST_COORD,
  }, 100);
  magnet("js-link-malaysia", {
    label: "JS Link-Lynas magnet plant, Kuantan", country: "MY", operator: "JS Link", lat: 3.973, lon: 103.383, capacity: 3000,
    recipe: { "NdPr-oxide": Math.round(NDM * NDO * 1e4) / 1e4, "DyTb-oxide": Math.round(0.02 * DYO * 1e4) / 1e4 },
    status: "planned", sources: src("R18", "R19"),
    notes: "3,000 t/yr NdFeB (MoU Jul 2025, land secured); no start year in sources (no 'since'). Its metal-making route is not announced, so its recipe EST is a standard 2% Dy/Tb grade in oxide terms (0.29 t NdPr metal × 1.17, 0.02 t Dy/Tb metal × 1.15 per t magnet), fed by Lynas oxides (planned volumes = 3,000 × 0.29 NdPr, × 0.02 Dy/Tb). No offtaker announced. " + EST_COORD,
  }, 0);
  magnet("mp-10x", {
    label: "MP 10X magnet facility", country: "US", operator: "MP Materials", capacity: 9000,
    recipe: std(0.02), status: "planned", since: 2028, sources: src("R31", "R32", "R166"),
    notes: "Takes MP's magnet capacity to ≈10,000 t with Independence, so 9,000 t; 100% bought by DoD and commercial customers for 10 years (routed to 'US other'). Site not named (no coordinates).",
  }, 0);
  magnet("mp-independence-apple-lines", {
    label: "MP Independence expansion for Apple (recycled magnets)", country: "US", operator: "MP Materials", lat: 32.982, lon: -97.318, capacity: 1000,
    recipe: { "NdPr-metal": NDM }, status: "construction", since: 2027, sources: src("R33", "R167"),
    notes: "Apple-funded lines roughly double Independence to 2,000 t (R167), so +1,000 t; 100% recycled feed from MP's recycling line (volume n/s). " + EST_COORD,
  }, 0);
  magnet("usa-rare-earth-stillwater", {
    label: "USA Rare Earth magnet plant, Stillwater OK", country: "US", operator: "USA Rare Earth", lat: 36.12, lon: -97.06, capacity: 1200,
    recipe: { "NdPr-metal": NDM }, status: "construction", since: 2026, sources: src("R116", "R117", "R119"),
    notes: "Line 1a 1,200 t/yr (nameplate 4,800-5,000 t); commissioning Q1 2026; metals from Less Common Metals; Dy/Tb source not announced (not in recipe). MOUs ≈300 t (to 'US other'). " + EST_COORD,
  }, 0);

  // ---------------------------------------------------------------- consumers (demand = baseline supply; t magnet)
  // A consumer needs magnets: oxide or metal offtakes shipped to it (Arafura, Lynas Texas) do not serve its
  // demand until a magnet maker turns them into magnets.
  const consumer = (key, a) => node(key, { stage: "consumer", output: undefined, recipe: { "NdFeB-magnet": 1 }, ...a }, { consumer: true });
  const jpc = (key, label, lat, lon, sources, notes, extra = {}) =>
    consumer(key, { label, country: "JP", lat, lon, sources, notes, ...extra });
  jpc("toyota", "Toyota", 35.08, 137.16, src("R57", "R71", "R149"), "Demand = baseline supply: JL Mag (R57), Proterial/NEOMAX (weak, R71), Shin-Etsu (assumed), volumes EST. Coordinates est. (Toyota City).", { operator: "Toyota Motor" });
  jpc("honda", "Honda", 35.67, 139.72, src("R74", "R75", "R71"), "Daido Electronics (HRE-free, R74), TDK (weak, R71). Volumes EST. Location est. (Tokyo HQ).", { operator: "Honda Motor" });
  jpc("nissan", "Nissan", 35.46, 139.62, src("R148"), "Magnet supplier not sourced: supply from Proterial, Shin-Etsu and Chinese makers is an assumption. Location est. (Yokohama).", { operator: "Nissan Motor" });
  jpc("suzuki", "Suzuki (Sagara plant)", 34.68, 138.2, src("R147"), "Swift halted 26 May-16 Jun 2025 for lack of Chinese magnet components (R147). Suppliers EST (Chinese makers, Intermetallics). Coordinates est.", { operator: "Suzuki Motor" });
  jpc("japan-other-industry", "Japan other industry (aggregate)", 35.68, 139.77, src("R86", "S03", "S15"), "Aggregate: electronics, motors, appliances, other vehicles. Residual of Japanese makers' output plus imports. Location est. (Tokyo).");
  consumer("gm", { label: "General Motors", country: "US", operator: "GM", lat: 42.37, lon: -83.04, sources: src("R34", "R110", "R114", "R115"), notes: "Supplied by eVAC, Noveon, MP (trial) and Chinese magnets (EST). Coordinates est. (Factory ZERO)." });
  consumer("ford", { label: "Ford", country: "US", operator: "Ford", lat: 41.66, lon: -87.56, sources: src("R146"), notes: "Chinese suppliers not named; volume EST. Coordinates est. (Chicago Assembly)." });
  consumer("tesla", { label: "Tesla", country: "US", operator: "Tesla", lat: 37.49, lon: -121.94, sources: src("R59", "R60"), notes: "JL Mag (2020 contract) and ZKSH (2016 deal); volumes EST. Part of it feeds Giga Shanghai (≈30.88, 121.77), kept under US as the company's country. Coordinates est. (Fremont)." });
  consumer("apple", { label: "Apple", country: "US", operator: "Apple", lat: 37.33, lon: -122.01, sources: src("R33"), notes: "Magnets in devices assembled in Asia, from China until MP's recycled magnets from 2027; 2025 volume EST. Location est. (Cupertino)." });
  consumer("us-other-aggregate", { label: "US other industry incl. defence (aggregate)", country: "US", lat: 39.8, lon: -98.6, sources: src("R160", "R161", "R113"), notes: "Aggregate: Nidec, ABB, defence and other users; Chinese imports EST from 2024-25 customs (≈400-600 t/month to the US). Location est." });
  consumer("siemens-gamesa", { label: "Siemens Gamesa (offshore nacelles, Cuxhaven)", country: "DE", operator: "Siemens Energy", lat: 53.87, lon: 8.7, sources: src("R73", "R130", "R150", "R57"), notes: "JL Mag, TDK (2025 deal) and other Chinese makers; ≈100% China-dependent in 2023. Volumes EST. Coordinates est." });
  consumer("bosch-schaeffler", { label: "Bosch and Schaeffler (EV-motor Tier-1s)", country: "DE", lat: 48.78, lon: 9.18, sources: src("R108", "R112"), notes: "Neo Narva (L31), VAC and Chinese imports; volumes EST. Location est. (Stuttgart)." });
  consumer("eu-other-aggregate", { label: "EU other industry (aggregate)", country: "ZZ", lat: 50.0, lon: 10.0, sources: src("R64", "S12", "R102b", "R108"), notes: "Aggregate across EU countries; ZZ because the EU has no single ISO 3166-1 code. Chinese exports to the EU ≈38% of China's magnet exports (S12). Volumes EST. Location est." });
  consumer("hyundai-kia", { label: "Hyundai Motor / Kia", country: "KR", operator: "Hyundai Motor Group", lat: 37.52, lon: 127.03, sources: src("R129", "S11"), notes: "Chinese magnets (Korea = 2nd destination of China's magnet exports, S11); volume EST. Arafura offtake planned. Location est." });
  consumer("byd", { label: "BYD", country: "CN", operator: "BYD", lat: 22.65, lon: 114.25, sources: src("R57", "R58"), notes: "JL Mag and other Chinese makers; volumes EST. Location est. (Shenzhen)." });
  consumer("goldwind", { label: "Goldwind and Chinese direct-drive wind OEMs (aggregate)", country: "CN", operator: "Goldwind and others", lat: 39.8, lon: 116.5, sources: src("R61", "R72b"), notes: "Aggregate. Goldwind builds direct-drive PM turbines (weak source); no verified supplier, so supplied by the Chinese aggregate. Volume EST. Location est." });
  consumer("cn-domestic-other-aggregate", { label: "China domestic other (aggregate)", country: "CN", lat: 31.2, lon: 121.5, sources: src("R62", "R63", "R64"), notes: "Aggregate: the rest of China's magnet output after exports and the named users. Location est." });
  consumer("rest-of-world-aggregate", { label: "Rest of world (aggregate)", country: "ZZ", sources: src("R64", "S11"), notes: "Aggregate: Korea (other), Vietnam, India, Thailand, Mexico, Taiwan ... and Japanese makers' exports; ZZ = several countries. Volumes EST." });

  // ---------------------------------------------------------------- national stockpiles (no edges; stock set in graph-attributes.mjs)
  for (const [key, label, output] of [
    ["jogmec-stockpile-ndpr", "JOGMEC national stockpile, NdPr share", "NdPr-oxide"],
    ["jogmec-stockpile-dytb", "JOGMEC national stockpile, Dy/Tb share", "DyTb-oxide"],
  ])
    node(key, {
      label, stage: "stockpile", country: "JP", operator: "JOGMEC", output, stock: 0, ...op(1986), sources: src("R77", "R78", "R79"),
      notes: "Volumes are secret. stock EST = 42/365 × Japan's magnet demand in this graph × (0.29 t NdPr metal × 1.17 oxide, or 0.02 t Dy/Tb metal × 1.15 oxide) per t magnet: the 42-day national target of the general rare-metal framework (N11), an assumption with a range. No location (sites secret).",
    });
  node("us-nds-stockpile-ndpr", {
    label: "US National Defense Stockpile, NdPr and NdFeB share", stage: "stockpile", country: "US", operator: "Defense Logistics Agency - Strategic Materials", output: "NdPr-oxide", stock: 0, ...op(1939), sources: src("S29"),
    notes: "The NDS holds <$1bn of all materials and 'lacks usable rare-earth inventories' (S29); the FY2023 NDAA authorised NdPr oxide and NdFeB block purchases, volumes not published. stock EST 50 t NdPr oxide, an assumption with a range (0-500 t). No location (depots not modelled).",
  });
  node("kr-komir-stockpile-ndpr", {
    label: "Korea KOMIR Gunsan stockpile, neodymium share", stage: "stockpile", country: "KR", operator: "KOMIR (ex-PPS rare-metal stockpile)", output: "NdPr-oxide", stock: 0, ...op(2011), sources: src("S27", "S28"),
    notes: "KOMIR's Gunsan base holds neodymium for ≈180 days of Korean automakers' use (2024, S27); Korea's target is 100 days for rare metals, 42 days on average in practice (S28). stock EST = 180/365 × Korea's magnet demand in this graph × 0.29 × 1.17. Coordinates est. (Gunsan).",
    lat: 35.97, lon: 126.71,
  });

  // ---------------------------------------------------------------- edges
  edge("cnre-bayan-obo", "cnre-baotou-huamei", 106661, { sources: src("R49"), notes: "Huamei phase-1 separation capacity (106,661 t REO), assumed at nameplate. Lead time EST." });
  edge("cnre-bayan-obo", "cnre-baotou-separators-aggregate", 82499, { sources: src("R47", "R49"), notes: "Rest of Bayan Obo output (EST). Lead time EST." });
  edge("cn-sichuan-shandong-mines-aggregate", "cn-light-separators-aggregate", 60560, { sources: src("R47") });
  for (const [from, total] of [["cn-ionic-clay-mines-aggregate", 20280], ["mm-kachin-mines-aggregate", 26000], ["la-ionic-clay-mines-aggregate", 8000], ["serra-verde-pela-ema", 4500]]) {
    const s = from === "mm-kachin-mines-aggregate" ? src("R54", "R55", "R56", "S34") : from === "la-ionic-clay-mines-aggregate" ? src("S13") : from === "serra-verde-pela-ema" ? src("R142", "R143") : src("R47");
    const n = "Half of the ionic-clay feed (light fraction / heavy fraction split, README). Lead time EST.";
    edge(from, "cn-south-ndpr-separators-aggregate", total / 2, { sources: s, notes: n });
    edge(from, "cn-south-hre-separators-aggregate", total / 2, { sources: s, notes: n });
  }
  edge("mp-mountain-pass-mine", "mp-mountain-pass-separation", 34255, { sources: src("R27", "R37", "R188"), notes: "45,455 t REO (MP's 2024 output; 2025 ran at ≈13,000 t a quarter, R37) less ≈11,200 t shipped to Shenghe: ≈13,000 t was separated (2,600 t NdPr × 5) and the rest stocked at Mountain Pass as separation feed after the China sales stopped (R188). The stocked part adds no NdPr: the separation plant's capacity binds. Lead time EST." });
  edge("mp-mountain-pass-mine", "shenghe-leshan", 11200, { sources: src("R27", "R29", "R30", "S14", "S34"), notes: "EST: China imported 18,737 t of RE ore in Jan-May 2025, almost all MP's (S34), ≈60% REO (2024: 32,703 t REO sold vs 55,000 t imported, S14) ≈ 11,200 t REO; shipments stopped 17 Apr 2025. Lead time EST." });
  edge("mp-mountain-pass-mine", "mp-hree-circuit", 3000, { sources: src("R36"), notes: "Planned feed ≈3,000 t (R36)." });
  edge("lynas-mount-weld", "lynas-lamp-ndpr", 10500, { sources: src("R06", "R07", "R08"), leadTimeDays: 60, notes: "6,558 t NdPr × 1.6 t REO per t NdPr (FY25, R07). Lead time EST (sea freight + cracking)." });
  edge("lynas-mount-weld", "lynas-lamp-hre", 1500, { sources: src("R09", "R11"), notes: "HRE circuit ≈1,500 t/yr SEG+HRE feed (F03). Lead time EST." });
  edge("lynas-mount-weld", "lynas-malaysia-hre-plant", 5000, { sources: src("R12", "R13"), notes: "Planned 5,000 t/yr HRE feedstock." });
  edge("ng-mines-aggregate", "cn-light-separators-aggregate", 13000, { sources: src("R44", "S13") });
  edge("th-mines-aggregate", "cn-light-separators-aggregate", 13000, { sources: src("R44", "S13") });
  edge("irel-oscom", "irel-red-aluva", 2200, { sources: src("R133", "R44"), notes: "2,900 t less ≈700 t to Toyotsu (EST). Lead time EST." });
  edge("irel-oscom", "toyotsu-rare-earths-india", 700, { sources: src("R135"), notes: "EST: >1,000 t shipped to Japan in 2024 (R135); India asked IREL to stop exports to Japan in June 2025, so ≈700 t in 2025. The La/Ce share (≈75%) is the co-product node toyotsu-india-lree. Lead time EST." });
    edge("arafura-nolans-mine", "arafura-nolans", 22200, { sources: src("R131"), notes: "Planned feed at nameplate (EST)." });
  edge("cn-ndfeb-scrap-recycling-aggregate", "cn-scrap-separators-ndpr-aggregate", 32062, { sources: src("S01"), notes: "34,147 t less the heavy fraction 2,085 t (S01)." });
  edge("cn-ndfeb-scrap-recycling-aggregate", "cn-scrap-separators-hre-aggregate", 2085, { sources: src("S01"), notes: "Gd 1,048 + Tb 160 + Dy 710 + Ho 167 t (S01)." });
  edge("shin-etsu-smmv-recycling", "shin-etsu-smmv-separation", 1000, { sources: src("R68") });

  // refinery → metal
  edge("cnre-baotou-huamei", "cnre-baotou-metal", { need: 21332 });
  edge("cnre-baotou-separators-aggregate", "cnre-baotou-metal", { need: 16500 });
  edge("cn-light-separators-aggregate", "cn-metal-makers-aggregate", { need: 17312 });
  edge("shenghe-leshan", "cn-metal-makers-aggregate", { need: 1908 });
  edge("cn-south-ndpr-separators-aggregate", "cn-metal-makers-aggregate", { need: 12800 });
  edge("cn-south-ndpr-separators-aggregate", "shin-etsu-longyan", { need: 1 });
  edge("cn-scrap-separators-ndpr-aggregate", "cn-metal-makers-aggregate", { need: 26498 });
  edge("cn-light-separators-aggregate", "jp-metal-alloy-makers-aggregate", 300, { sources: src("R81", "S18"), notes: "EST: Chinese NdPr oxide still sold to Japanese alloy makers (Nd metal exports to Japan fell 87% in 2024, so oxide is kept small)." });
  edge("cn-south-hre-separators-aggregate", "cn-dytb-metal-makers-aggregate", { need: 3099 });
  edge("cn-scrap-separators-hre-aggregate", "cn-dytb-metal-makers-aggregate", { need: 869 });
  edge("cn-south-hre-separators-aggregate", "jp-dytb-metal-makers-aggregate", 200, { sources: src("R164", "R99"), notes: "EST: Chinese Dy/Tb oxide to Japanese metal makers (Japan ≈100% China-dependent for HREE before Lynas)." });
  edge("lynas-lamp-ndpr", "cn-metal-makers-aggregate", 3261, { sources: src("S06"), notes: "China's import data for 2024 (S06), used as the 2025 baseline. Lead time EST." });
  edge("lynas-lamp-ndpr", "vn-metal-alloy-makers-aggregate", 1900, { sources: src("S05", "R20"), notes: "EST: Vietnam is Lynas' 2nd destination by value (S05); tonnage not public." });
  edge("lynas-lamp-ndpr", "jp-metal-alloy-makers-aggregate", 1300, { sources: src("R20", "R24", "R25", "S05"), notes: "EST: direct sales to Japan via Sojitz (exclusive distributor)." });
  edge("lynas-lamp-ndpr", "less-common-metals", { need: 1 }, { sources: src("R07", "R116"), notes: "EST: Lynas' European/US sales routed to LCM (assumption)." });
  edge("lynas-lamp-ndpr", "js-link-malaysia", 870, { sources: src("R18", "R19"), notes: "Planned: 3,000 t magnets × 0.29." });
  edge("lynas-lamp-hre", "jp-dytb-metal-makers-aggregate", 65, { sources: src("R21", "R22", "R23", "R164"), notes: "65% of the EST 100 t Dy/Tb output (R21); imports began Oct 2025." });
  edge("lynas-lamp-hre", "js-link-malaysia", 60, { sources: src("R18"), notes: "Planned: 3,000 t × 0.02." });
  edge("lynas-malaysia-hre-plant", "jp-dytb-metal-makers-aggregate", 325, { sources: src("R12", "R21"), notes: "Planned: 65% of 500 t (EST)." });
  edge("mp-mountain-pass-separation", "mp-independence-metal", { need: 1 }, { sources: src("R28", "R35") });
  edge("mp-mountain-pass-separation", "vn-metal-alloy-makers-aggregate", 600, { sources: src("R41", "R42"), notes: "EST: Sumitomo's NdPr 'further refined in Vietnam' (a 2023 plan, R42); no observed 2025 volume, and the July 2025 DoD agreement steers MP's NdPr to Fort Worth. Lead time EST." });
  edge("mp-mountain-pass-separation", "jp-metal-alloy-makers-aggregate", 1200, { sources: src("R41", "R42", "R166"), notes: "EST: Sumitomo channel to Japan. The 3,000 t/yr (≈30% of Japanese magnet makers' use) is a 2023 plan (R42), not an observed 2025 flow; after the July 2025 DoD agreement (R166) less went abroad. Lead time EST." });
  edge("mp-hree-circuit", "mp-dytb-metal", 200, { sources: src("R36") });
  edge("toyotsu-rare-earths-india", "jp-metal-alloy-makers-aggregate", 175, { sources: src("R135", "R136"), notes: "All of Toyotsu's NdPr to Japan: 700 t REO × 25% (EST)." });
  edge("solvay-la-rochelle", "less-common-metals", { need: 1 }, { sources: src("R100"), notes: "EST: routed to European magnet makers via LCM (assumption)." });
  edge("neo-silmet", "less-common-metals", { need: 1 }, { sources: src("R105"), notes: "EST: Silmet NdPr for Neo Narva via a metal step (assumed LCM)." });
  edge("shin-etsu-smmv-separation", "vn-metal-alloy-makers-aggregate", 769, { sources: src("R67", "R68"), notes: "All SMMV separated NdPr (1,000 / 1.3)." });
  edge("arafura-nolans", "hyundai-kia", 1500, { sources: src("R129"), notes: "Planned offtake 600 → 1,500 t/yr NdPr oxide or metal (tonnes of oxide; conversion to magnets by the buyer's supplier)." });
  edge("arafura-nolans", "siemens-gamesa", 400, { sources: src("R130"), notes: "Planned offtake 400 t/yr NdPr metal 2028-30 (tonnes of oxide equivalent)." });
  edge("lynas-texas", "us-other-aggregate", 1250, { sources: src("R14", "R15"), notes: "Planned DoD offtake at design capacity; project unlikely to proceed." });
  edge("maaden-mp-refinery-jv", "us-other-aggregate", undefined, { sources: src("R38", "R39"), notes: "Offtake to US/Saudi buyers; capacity not disclosed, so no volume." });
  edge("caremag-lacq-hre", "jp-dytb-metal-makers-aggregate", 295, { sources: src("R104"), notes: "≈250 t Dy + 45 t Tb to Iwatani/Japan from 2027." });

  // metal → magnet
  const JP_MAKERS = ["proterial-japan", "shin-etsu-takefu", "tdk-japan", "daido-electronics", "intermetallics-japan"];
  edge("vn-metal-alloy-makers-aggregate", "shin-etsu-smmv-magnets", { need: 1 }, { sources: src("R67") });
  edge("vn-metal-alloy-makers-aggregate", "proterial-japan", 1000, { sources: src("S04", "S05") });
  edge("vn-metal-alloy-makers-aggregate", "tdk-japan", 500, { sources: src("S04", "S05") });
  edge("vn-metal-alloy-makers-aggregate", "shin-etsu-takefu", 650, { sources: src("S04", "R67") });
  edge("shin-etsu-longyan", "shin-etsu-takefu", { need: 1 }, { sources: src("R69") });
  edge("jp-metal-alloy-makers-aggregate", "proterial-japan", 1250, { sources: src("R24", "R42") });
  edge("jp-metal-alloy-makers-aggregate", "tdk-japan", 600, { sources: src("R24", "R42") });
  edge("jp-metal-alloy-makers-aggregate", "daido-electronics", { need: 1 }, { sources: src("R24", "R42", "R74") });
  for (const key of ["proterial-japan", "tdk-japan", "intermetallics-japan"])
    edge("cn-metal-makers-aggregate", key, { need: 1 }, { sources: src("R81", "R86") });
  edge("jp-dytb-metal-makers-aggregate", "proterial-japan", 130, { sources: src("R21", "R164") });
  edge("jp-dytb-metal-makers-aggregate", "tdk-japan", 100, { sources: src("R21", "R164") });
  for (const key of ["proterial-japan", "shin-etsu-takefu", "tdk-japan", "intermetallics-japan", "shin-etsu-smmv-magnets", "vac-hanau", "evac-sumter", "neo-narva"])
    edge("cn-dytb-metal-makers-aggregate", key, { need: 1 }, { sources: src("R93", "R99", "R164") });
  edge("cn-metal-makers-aggregate", "vac-hanau", { need: 0.5 }, { sources: src("R112") });
  edge("less-common-metals", "vac-hanau", { need: 0.5 }, { sources: src("R112", "R116") });
  edge("cn-metal-makers-aggregate", "evac-sumter", { need: 1 }, { sources: src("R110") });
  edge("less-common-metals", "neo-narva", { need: 1 }, { sources: src("R105") });
  edge("noveon-recycled-feed", "noveon-magnetics", { need: 1 }, { sources: src("R113") });
  edge("mp-independence-metal", "mp-independence", { need: 1 }, { sources: src("R28") });
  edge("mp-independence-metal", "mp-10x", 2610, { sources: src("R31"), notes: "Planned: 9,000 t × 0.29." });
  edge("mp-dytb-metal", "mp-10x", 174, { sources: src("R31", "R36"), notes: "Planned: all of MP's Dy/Tb metal." });
  edge("mp-recycling-line", "mp-independence-apple-lines", undefined, { sources: src("R33"), notes: "Planned recycled feed; volume not disclosed." });
  edge("less-common-metals", "usa-rare-earth-stillwater", 348, { sources: src("R116"), notes: "Planned: 1,200 t × 0.29." });
  void JP_MAKERS;

  // magnet → consumer (volumes EST unless noted; 'rest' = maker's output left over)
  const out = (from, list) => {
    for (const [to, v] of list) edge(from, to, v);
  };
  out("jl-mag", [["tesla", 1500], ["byd", 4000], ["toyota", 800], ["siemens-gamesa", 1500], ["rest-of-world-aggregate", 3000], ["cn-domestic-other-aggregate", "rest"]]);
  out("zksh", [["tesla", 500], ["eu-other-aggregate", 2000], ["cn-domestic-other-aggregate", "rest"]]);
  out("ningbo-yunsheng", [["eu-other-aggregate", 2000], ["us-other-aggregate", 500], ["cn-domestic-other-aggregate", "rest"]]);
  out("xiamen-tungsten", [["cn-domestic-other-aggregate", "rest"]]);
  out("proterial-china", [["toyota", 700], ["cn-domestic-other-aggregate", "rest"]]);
  out("tdk-guangdong-rising", [["honda", 300], ["cn-domestic-other-aggregate", "rest"]]);
  out("cn-magnet-makers-aggregate", [
    ["byd", 6000], ["goldwind", 9000], ["ford", 1200], ["gm", 500], ["apple", 500], ["us-other-aggregate", 1300],
    ["siemens-gamesa", 1000], ["bosch-schaeffler", 2500], ["eu-other-aggregate", 12500], ["hyundai-kia", 4000],
    ["suzuki", 300], ["nissan", 400], ["japan-other-industry", 500], ["rest-of-world-aggregate", 16000],
    ["cn-domestic-other-aggregate", "rest"],
  ]);
  out("proterial-japan", [["toyota", 3500], ["nissan", 800], ["us-other-aggregate", 400], ["rest-of-world-aggregate", 1100], ["japan-other-industry", "rest"]]);
  out("shin-etsu-takefu", [["toyota", 1500], ["nissan", 500], ["us-other-aggregate", 300], ["rest-of-world-aggregate", 1500], ["japan-other-industry", "rest"]]);
  out("tdk-japan", [["honda", 1000], ["siemens-gamesa", 800], ["us-other-aggregate", 300], ["rest-of-world-aggregate", 800], ["japan-other-industry", "rest"]]);
  out("daido-electronics", [["honda", 1200], ["japan-other-industry", "rest"]]);
  out("intermetallics-japan", [["suzuki", 300], ["japan-other-industry", "rest"]]);
  out("shin-etsu-smmv-magnets", [["japan-other-industry", 1000], ["us-other-aggregate", 200], ["rest-of-world-aggregate", "rest"]]);
  out("vac-hanau", [["bosch-schaeffler", 500], ["us-other-aggregate", 200], ["eu-other-aggregate", "rest"]]);
  out("evac-sumter", [["gm", "rest"]]);
  out("noveon-magnetics", [["gm", 300], ["us-other-aggregate", "rest"]]);
  out("mp-independence", [["gm", "rest"]]);
  out("neo-narva", [["bosch-schaeffler", "rest"]]);
  out("heraeus-remloy", [["eu-other-aggregate", 600]]);
  edge("mp-10x", "us-other-aggregate", 9000, { sources: src("R31", "R32"), notes: "Planned: 100% offtake by DoD and commercial customers." });
  edge("mp-independence-apple-lines", "apple", 1000, { sources: src("R33", "R167"), notes: "Planned: Apple recycled magnets from 2027." });
  edge("usa-rare-earth-stillwater", "us-other-aggregate", 300, { sources: src("R117"), notes: "Planned: MOUs/JDAs ≈300 t." });
  declareBasket2025({ node, edge });
  return finish();
}
