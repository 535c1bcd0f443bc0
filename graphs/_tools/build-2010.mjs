// The September 2010 network Japan faced (declarations). Same ids as 2025 for the same entities.
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
import { declareBasket2010 } from "./basket-2010.mjs";

const EST_COORD = "Coordinates estimated at town level (ree-facts 'est.').";
const WORLD_2010 = 133600; // t REO; China 130,000 t = 97% (S09)

export function declare2010() {
  const { node, edge, finish } = collector();
  const op = (since) => ({ status: "operating", since });

  // ---------------------------------------------------------------- mines
  node("cnre-bayan-obo", {
    label: "Bayan Obo mine (Baotou Steel Rare Earth)", stage: "mine", country: "CN", operator: "Baotou Steel Rare Earth (now CNRE)",
    lat: 41.783, lon: 109.974, capacity: 62000, output: "REO-concentrate", ...op(1957), sources: src("S09", "R51", "R169"),
    notes: `Output EST 62,000 t REO ≈ 46% of world 2010 output (${WORLD_2010} t, S09), from 'historically ≈45-50% of global output' (F10). Coordinates from source.`,
  });
  node("cn-sichuan-shandong-mines-aggregate", {
    label: "Sichuan & Shandong light-RE mines (aggregate)", stage: "mine", country: "CN", operator: "Various (consolidated into CREG in 2021)",
    lat: 28.3, lon: 102.2, capacity: 25000, output: "REO-concentrate", ...op(1990), sources: src("S09", "R52"),
    notes: "Aggregate. Output EST 25,000 t: China's 130,000 t (S09) less Bayan Obo and the ionic clays (split not sourced). Location est.",
  });
  node("cn-ionic-clay-mines-aggregate", {
    label: "Southern China ionic-clay mines (aggregate)", stage: "mine", country: "CN", operator: "Various incl. illegal mining (consolidated into CREG in 2021)",
    lat: 25.83, lon: 114.93, capacity: 43000, output: "HREE-concentrate", ...op(1980), sources: src("S09", "R53"),
    notes: "Aggregate. Output EST 43,000 t = the rest of China's 130,000 t (S09); in 2010 southern China was the world's only Dy/Tb source. " + EST_COORD,
  });
  node("irel-oscom", {
    label: "IREL Orissa Sands Complex monazite plant (OSCOM)", stage: "mine", country: "IN", operator: "IREL (India) Ltd",
    lat: 19.36, lon: 84.99, capacity: 2700, output: "REO-concentrate", ...op(2005), sources: src("S09", "R133"),
    notes: "India 2% of 2010 world output (S09) ≈ 2,700 t REO; IREL separated little (310 t RE in 2009-14, R133), so no edge: counted at capacity. 'since' EST. " + EST_COORD,
  });
  node("br-monazite-aggregate", {
    label: "Brazil monazite (aggregate)", stage: "mine", country: "BR", operator: "INB and others", lat: -21.6, lon: -41.0,
    capacity: 550, output: "REO-concentrate", ...op(1950), sources: src("S09"),
    notes: "Brazil 0.42% of 2010 world output (S09) ≈ 550 t; no downstream modelled. 'since' and location EST.",
  });
  node("my-monazite-aggregate", {
    label: "Malaysia amang / monazite (aggregate)", stage: "mine", country: "MY", operator: "Various", lat: 4.6, lon: 101.1,
    capacity: 350, output: "REO-concentrate", ...op(1970), sources: src("S09"),
    notes: "Malaysia 0.27% of 2010 world output (S09) ≈ 350 t; no downstream modelled. 'since' and location EST.",
  });
  node("mp-mountain-pass-mine", {
    label: "Mountain Pass mine (Molycorp)", stage: "mine", country: "US", operator: "Molycorp", lat: 35.48, lon: -115.53,
    capacity: 0, output: "REO-concentrate", status: "idle", since: 1952, sources: src("R187", "S09"),
    notes: "Mining idle since 2002 (Molycorp sold from stockpiles; restart 'Project Phoenix' 2012): capacity 0 in 2010. " + EST_COORD,
  });
  node("lynas-mount-weld", {
    label: "Mount Weld mine (Lynas)", stage: "mine", country: "AU", operator: "Lynas", lat: -28.86, lon: 122.548,
    capacity: 11000, output: "REO-concentrate", status: "construction", since: 2011, sources: src("R03", "R04", "R25"),
    notes: "First ore campaign 2007-08 (R04); concentration plant and regular mining from 2011 (R03). Capacity EST = Lynas phase-1 11,000 t REO. Coordinates from source.",
  });

  // ---------------------------------------------------------------- recycling
  node("cn-ndfeb-scrap-recycling-aggregate", {
    label: "China NdFeB scrap recycling (aggregate)", stage: "recycling", country: "CN", operator: "Various (Jiangxi)",
    lat: 27.11, lon: 114.99, capacity: 6432, output: "REO-concentrate", ...op(2005), sources: src("S01", "S19"),
    notes: "Aggregate. EST: China's 2010 magnet output 77,970 t × 27.5% swarf (25-30%, S01) × 30% RE = 6,432 t REO; split 6,200 t light / 232 t heavy as in 2024 (S01). No 2010 figure found. Location est.",
  });

  // ---------------------------------------------------------------- refineries
  const lree = { "REO-concentrate": LREE_PER_NDPR };
  node("cnre-baotou-separators-aggregate", {
    label: "Baotou Steel Rare Earth separation plants (aggregate)", stage: "refinery", country: "CN", operator: "Baotou Steel Rare Earth (now CNRE)",
    lat: 40.6, lon: 110.0, output: "NdPr-oxide", recipe: lree, ...op(1990), sources: src("R169", "S09"),
    notes: "Aggregate. Separates Bayan Obo output (ratio 5, README). 'since' and location EST.",
  });
  node("cn-light-separators-aggregate", {
    label: "China light-RE separators: Sichuan, Shandong, Jiangsu (aggregate)", stage: "refinery", country: "CN", operator: "Various",
    lat: 30.6, lon: 104.07, output: "NdPr-oxide", recipe: lree, ...op(1990), sources: src("S09"),
    notes: "Aggregate. 'since' and location EST.",
  });
  node("cn-south-ndpr-separators-aggregate", {
    label: "Southern China ionic-clay separators, light circuits (aggregate)", stage: "refinery", country: "CN", operator: "Various (Jiangxi, Guangdong, Fujian)",
    lat: 25.83, lon: 114.93, output: "NdPr-oxide", recipe: { "HREE-concentrate": IONIC_LIGHT_PER_NDPR }, ...op(1990), sources: src("S09", "R53"),
    notes: "Aggregate; light half of ionic-clay feed (README). 'since' EST. " + EST_COORD,
  });
  node("cn-south-hre-separators-aggregate", {
    label: "Southern China ionic-clay separators, heavy circuits (aggregate)", stage: "refinery", country: "CN", operator: "Various (Jiangxi, Guangdong, Fujian)",
    lat: 25.85, lon: 114.95, output: "DyTb-oxide", recipe: { "HREE-concentrate": IONIC_HEAVY_PER_DYTB }, ...op(1990), sources: src("S09", "R53", "S08"),
    notes: "Aggregate; heavy half of ionic-clay feed (README). In 2010 ≈100% of world Dy/Tb. 'since' EST. " + EST_COORD,
  });
  node("cn-scrap-separators-ndpr-aggregate", {
    label: "China scrap separators, NdPr (aggregate)", stage: "refinery", country: "CN", operator: "Various (Jiangxi)",
    lat: 27.11, lon: 114.99, output: "NdPr-oxide", recipe: { "REO-concentrate": SCRAP_LIGHT_PER_NDPR }, ...op(2005), sources: src("S01"),
    notes: "Aggregate; ratio as in 2024 (S01). 'since' and location EST.",
  });
  node("cn-scrap-separators-hre-aggregate", {
    label: "China scrap separators, Dy/Tb (aggregate)", stage: "refinery", country: "CN", operator: "Various (Jiangxi)",
    lat: 27.12, lon: 115.0, output: "DyTb-oxide", recipe: { "REO-concentrate": SCRAP_HEAVY_PER_DYTB }, ...op(2005), sources: src("S01"),
    notes: "Aggregate; ratio as in 2024 (S01). 'since' and location EST.",
  });
  node("irel-red-aluva", {
    label: "IREL Rare Earths Division, Aluva", stage: "refinery", country: "IN", operator: "IREL (India) Ltd",
    lat: 10.07, lon: 76.33, capacity: 62, output: "NdPr-oxide", ...op(1952), sources: src("R133"),
    notes: "IREL produced 310 t of rare earths in 2009-14 (R133), ≈62 t/yr, taken as capacity; no customer modelled. " + EST_COORD,
  });
  node("solvay-la-rochelle", {
    label: "Rhodia La Rochelle rare-earth plant (Solvay from 2011)", stage: "refinery", country: "FR", operator: "Rhodia",
    lat: 46.16, lon: -1.15, output: "NdPr-oxide", ...op(1948), sources: src("R100", "R102"),
    notes: "Refined largely Chinese intermediates in 2010; volumes not sourced (no capacity, no edges). " + EST_COORD,
  });
  node("neo-silmet", {
    label: "AS Silmet, Sillamäe", stage: "refinery", country: "EE", operator: "AS Silmet (Molycorp from 2011, Neo from 2016)",
    lat: 59.4, lon: 27.76, output: "NdPr-oxide", ...op(1970), sources: src("R105"),
    notes: "3,000 t/yr light-RE separation (R105, current); fed by Russian loparite intermediates in 2010 (not modelled); customers not sourced (no edges, no capacity). " + EST_COORD,
  });
  node("mp-mountain-pass-separation", {
    label: "Mountain Pass separation (Molycorp, Project Phoenix)", stage: "refinery", country: "US", operator: "Molycorp",
    lat: 35.481, lon: -115.531, output: "NdPr-oxide", recipe: lree, status: "construction", since: 2012, sources: src("R187"),
    notes: "Restart under construction in 2010 (production from 2012). " + EST_COORD,
  });
  node("lynas-lamp-ndpr", {
    label: "Lynas Malaysia (LAMP), under construction", stage: "refinery", country: "MY", operator: "Lynas",
    lat: 3.97, lon: 103.38, capacity: 7200, output: "NdPr-oxide", recipe: { "REO-concentrate": 1.75 }, status: "construction", since: 2012, sources: src("R06", "R25", "R20"),
    notes: "Operating from 2012. Sojitz deal (Nov 2010, just after the embargo) planned 1,000-3,000 t in Q4 2011 rising to >9,000 t/yr by 2013 (L03); planned edge to Japan EST 3,000 t. Capacity = 7,200 t NdPr (pre-expansion). " + EST_COORD,
  });
  node("toyotsu-rare-earths-india", {
    label: "Toyotsu Rare Earths India (planned)", stage: "refinery", country: "IN", operator: "Toyota Tsusho",
    lat: 17.69, lon: 83.22, capacity: 700, output: "NdPr-oxide", status: "planned", since: 2012, sources: src("R136"),
    notes: "2010 plan: 3,000-4,000 t/yr RE (R136); NdPr capacity EST 700 t (20%). " + EST_COORD,
  });

  // ---------------------------------------------------------------- metals
  const ndMetal = { "NdPr-oxide": NDO };
  const dyMetal = { "DyTb-oxide": DYO };
  node("cnre-baotou-metal", {
    label: "Baotou Steel Rare Earth metal & alloy plants", stage: "metal", country: "CN", operator: "Baotou Steel Rare Earth (now CNRE)",
    lat: 40.65, lon: 109.85, output: "NdPr-metal", recipe: ndMetal, ...op(2000), sources: src("R169"),
    notes: "Output = what magnet makers draw (40% of Chinese makers' NdPr metal, EST from Baotou's share of China's NdPr). 'since' and location EST.",
  });
  node("cn-metal-makers-aggregate", {
    label: "China NdPr metal & alloy makers excl. Baotou (aggregate)", stage: "metal", country: "CN", operator: "Various",
    lat: 25.8, lon: 114.9, output: "NdPr-metal", recipe: ndMetal, ...op(1995), sources: src("S09", "S07"),
    notes: "Aggregate. Output = what magnet makers in and outside China draw. 'since' and location EST.",
  });
  node("cn-dytb-metal-makers-aggregate", {
    label: "China Dy/Tb metal & Dy-Fe alloy makers (aggregate)", stage: "metal", country: "CN", operator: "Various (Ganzhou)",
    lat: 25.81, lon: 114.91, output: "DyTb-metal", recipe: dyMetal, ...op(1995), sources: src("S08", "S09"),
    notes: "Aggregate. 'since' and location EST.",
  });
  node("showa-denko-china-alloy", {
    label: "Showa Denko alloy JVs in China (Baotou Showa, Ganzhou Zhaori)", stage: "metal", country: "CN", operator: "Showa Denko",
    lat: 40.6, lon: 109.9, capacity: 3000, output: "NdPr-metal", recipe: ndMetal, ...op(2003), sources: src("S10", "S16"),
    notes: "Baotou Showa 1,000 t + Ganzhou Zhaori 2,000 t of Nd alloys (capacity, S10; treated as NdPr-metal content); closed in 2012 (S16). Output = Japanese makers' draw (EST). Location est. (Baotou).",
  });
  node("jp-metal-alloy-makers-aggregate", {
    label: "Japan NdPr metal & alloy makers (aggregate, incl. Showa Denko Chichibu, Santoku)", stage: "metal", country: "JP", operator: "Showa Denko, Santoku and others",
    lat: 36.0, lon: 139.08, capacity: 5000, output: "NdPr-metal", recipe: ndMetal, ...op(1985), sources: src("S10", "S07"),
    notes: "Aggregate. Showa Denko Chichibu 5,000 t alloy capacity (S10). Converts imported Chinese oxide. Output = makers' draw (EST). Placed at Chichibu (est.).",
  });
  node("jp-dytb-metal-makers-aggregate", {
    label: "Japan Dy/Tb metal makers (aggregate)", stage: "metal", country: "JP", operator: "Various",
    lat: 34.7, lon: 135.2, output: "DyTb-metal", recipe: dyMetal, ...op(1985), sources: src("S08"),
    notes: "Aggregate; converts Chinese Dy/Tb oxide (≈90% of Japan's Dy came from China, S08). Location est.",
  });
  node("showa-denko-vietnam", {
    label: "Showa Denko Rare Earth Vietnam (Ha Nam), scrap-based didymium/Dy", stage: "metal", country: "VN", operator: "Showa Denko (90%)",
    lat: 20.54, lon: 105.91, capacity: 800, output: "NdPr-metal", ...op(2010), sources: src("S10", "S16"),
    notes: "800 t/yr didymium (NdPr) and Dy metal from rare-earth scrap (largely Japanese) from May 2010 (S10); 2010 rate EST 400 t (ramp-up). Scrap feed not modelled, so it is a source. Metal went to Showa Denko's alloy in Japan; routed straight to Japanese makers (assumed split). Suspended in 2012 (S16). " + EST_COORD,
  });

  // ---------------------------------------------------------------- magnets (98,200 t sintered in 2010: CN 79.4%, JP 19.3%, EU 1.3%)
  const std = (dytb) => ({ "NdPr-metal": NDM, "DyTb-metal": dytb });
  const magnet = (key, a, production) => node(key, { stage: "magnet", output: "NdFeB-magnet", ...a }, { production });
  magnet("zksh", {
    label: "Beijing Zhong Ke San Huan (ZKSH)", country: "CN", operator: "ZKSH", lat: 39.9, lon: 116.4,
    recipe: std(0.02), ...op(1985), sources: src("R60", "R60b", "R87"),
    notes: "Output EST 10,000 t (13,500 t capacity in 2012/13, R60b). " + EST_COORD,
  }, 10000);
  magnet("cn-magnet-makers-aggregate", {
    label: "China other NdFeB magnet makers (aggregate)", country: "CN", operator: "≈130 firms", lat: 29.9, lon: 121.5,
    recipe: { "NdPr-metal": 0.285, "DyTb-metal": 0.016 }, ...op(1990), sources: src("R87", "R61b"),
    notes: "Aggregate. China 79.4% of 98,200 t = 77,970 t (R87) less ZKSH. NdPr 0.285 (mixed grades) and Dy/Tb 1.6%, EST so that China's 2010 NdPr and Dy/Tb supply balances. Location est.",
  }, 67970);
  for (const key of ["zksh", "cn-magnet-makers-aggregate"]) {
    edge("cnre-baotou-metal", key, { need: 0.4 });
    edge("cn-metal-makers-aggregate", key, { need: 0.6 });
    edge("cn-dytb-metal-makers-aggregate", key, { need: 1 });
  }
  const JP_NOTE = "Japan 19.3% of 98,200 t = 18,950 t (R87), split by 2010 rank (Hitachi Metals/NEOMAX largest, then Shin-Etsu, TDK), EST. Dy/Tb 4% (pre-grain-boundary-diffusion grades, N24; EST).";
  magnet("proterial-japan", {
    label: "Hitachi Metals (NEOMAX) magnet plants, Japan (now Proterial)", country: "JP", operator: "Hitachi Metals", lat: 35.4, lon: 136.9,
    recipe: std(0.04), ...op(1985), sources: src("R87", "R71"), notes: `${JP_NOTE} Output EST 9,000 t. Site placeholder (central Japan).`,
  }, 9000);
  magnet("shin-etsu-takefu", {
    label: "Shin-Etsu Chemical Takefu plant", country: "JP", operator: "Shin-Etsu Chemical", lat: 35.9, lon: 136.17,
    recipe: std(0.04), ...op(1973), sources: src("R87", "R66"), notes: `${JP_NOTE} Output EST 5,500 t. ${EST_COORD}`,
  }, 5500);
  magnet("tdk-japan", {
    label: "TDK NdFeB magnet plants, Japan", country: "JP", operator: "TDK", lat: 39.72, lon: 140.1,
    recipe: std(0.04), ...op(1985), sources: src("R87", "R72"), notes: `${JP_NOTE} Output EST 4,450 t. Site placeholder (Akita).`,
  }, 4450);
  magnet("vac-hanau", {
    label: "VAC (Vacuumschmelze) Hanau", country: "DE", operator: "VAC", lat: 50.13, lon: 8.92,
    recipe: std(0.04), ...op(1970), sources: src("R87", "R112b"), notes: "Europe 1.3% of 98,200 t = 1,277 t (R87), all VAC (the only other EU maker, Neorem, is small). " + EST_COORD,
  }, 1277);
  for (const key of ["proterial-japan", "shin-etsu-takefu", "tdk-japan"]) {
    edge("jp-dytb-metal-makers-aggregate", key, { need: 0.4 });
    edge("cn-dytb-metal-makers-aggregate", key, { need: 0.6 });
  }
  edge("showa-denko-vietnam", "proterial-japan", 200, { sources: src("S10"), notes: "EST: half of the 400 t 2010 rate (customers not named)." });
  edge("showa-denko-vietnam", "tdk-japan", 200, { sources: src("S10"), notes: "EST: half of the 400 t 2010 rate (customers not named)." });
  edge("jp-metal-alloy-makers-aggregate", "proterial-japan", { need: 0.5 });
  edge("cn-metal-makers-aggregate", "proterial-japan", { need: 0.3 });
  edge("showa-denko-china-alloy", "proterial-japan", { need: 0.2 });
  edge("jp-metal-alloy-makers-aggregate", "shin-etsu-takefu", { need: 0.5 });
  edge("cn-metal-makers-aggregate", "shin-etsu-takefu", { need: 0.5 });
  edge("jp-metal-alloy-makers-aggregate", "tdk-japan", { need: 0.4 });
  edge("cn-metal-makers-aggregate", "tdk-japan", { need: 0.3 });
  edge("showa-denko-china-alloy", "tdk-japan", { need: 0.3 });
  edge("cn-metal-makers-aggregate", "vac-hanau", { need: 1 });
  edge("cn-dytb-metal-makers-aggregate", "vac-hanau", { need: 1 });

  // ---------------------------------------------------------------- stockpiles
  for (const [key, label, output] of [
    ["jogmec-stockpile-ndpr", "JOGMEC national stockpile, NdPr share", "NdPr-oxide"],
    ["jogmec-stockpile-dytb", "JOGMEC national stockpile, Dy/Tb share", "DyTb-oxide"],
  ])
    node(key, {
      label, stage: "stockpile", country: "JP", operator: "JOGMEC", output, stock: 0, ...op(1986), sources: src("R77", "R78", "R79"),
      notes: "Volumes are secret; whether rare earths were held in 2010 is not public. stock EST = 42/365 × Japan's magnet demand in this graph × NdPr (0.29 × 1.17) or Dy/Tb (0.02 × 1.15) oxide per t magnet (README). No location.",
    });

  // ---------------------------------------------------------------- consumers (demand = baseline supply)
  // A consumer needs magnets: oxide or metal shipped to it (offtakes) does not serve its demand by itself.
  const consumer = (key, a) => node(key, { stage: "consumer", recipe: { "NdFeB-magnet": 1 }, ...a }, { consumer: true });
  const jpc = (key, label, lat, lon, sources, notes) =>
    consumer(key, { label, country: "JP", lat, lon, sources, notes });
  jpc("toyota", "Toyota", 35.08, 137.16, src("R71", "R98"), "NEOMAX (weak, R71), Shin-Etsu and Chinese magnets (assumed); volumes EST. Coordinates est.");
  jpc("honda", "Honda", 35.67, 139.72, src("R71"), "TDK (weak) and Shin-Etsu (assumed); volumes EST. Location est.");
  jpc("nissan", "Nissan", 35.46, 139.62, src("R148"), "LEAF launched Dec 2010; supplier not sourced (TDK assumed); volume EST. Location est.");
  jpc("suzuki", "Suzuki (Sagara plant)", 34.68, 138.2, src("R147"), "Supplier not sourced (TDK assumed); volume EST. Coordinates est.");
  jpc("japan-other-industry", "Japan other industry (aggregate)", 35.68, 139.77, src("R87", "S07"), "Aggregate: HDDs, electronics, appliances, motors. Residual of Japanese makers' output plus Chinese imports. Location est.");
  consumer("gm", { label: "General Motors", country: "US", operator: "GM", lat: 42.37, lon: -83.04, sources: src("R34"), notes: "Chinese magnets (EST). Coordinates est." });
  consumer("ford", { label: "Ford", country: "US", operator: "Ford", lat: 41.66, lon: -87.56, sources: src("R146"), notes: "Chinese magnets (EST). Coordinates est." });
  consumer("apple", { label: "Apple", country: "US", operator: "Apple", lat: 37.33, lon: -122.01, sources: src("R33"), notes: "Magnets in devices assembled in China; volume EST. Location est." });
  consumer("us-other-aggregate", { label: "US other industry incl. defence (aggregate)", country: "US", lat: 39.8, lon: -98.6, sources: src("R62b", "R87"), notes: "Aggregate; Chinese magnets (EST; China shipped 4,593 t to the US in 2019, R62b). Location est." });
  consumer("siemens-gamesa", { label: "Siemens Wind Power (now Siemens Gamesa)", country: "DE", operator: "Siemens", lat: 53.87, lon: 8.7, sources: src("R150"), notes: "Direct-drive prototypes in 2010; small Chinese supply EST. Coordinates est." });
  consumer("bosch-schaeffler", { label: "Bosch and Schaeffler (Tier-1s)", country: "DE", lat: 48.78, lon: 9.18, sources: src("R108"), notes: "VAC and Chinese magnets; volumes EST. Location est." });
  consumer("eu-other-aggregate", { label: "EU other industry (aggregate)", country: "ZZ", lat: 50.0, lon: 10.0, sources: src("R87", "R102b"), notes: "Aggregate; ZZ because the EU has no single ISO code. Volumes EST. Location est." });
  consumer("hyundai-kia", { label: "Hyundai Motor / Kia", country: "KR", operator: "Hyundai Motor Group", lat: 37.52, lon: 127.03, sources: src("R129"), notes: "Chinese magnets; volume EST. Location est." });
  consumer("byd", { label: "BYD", country: "CN", operator: "BYD", lat: 22.65, lon: 114.25, sources: src("R58"), notes: "Chinese magnets; volume EST. Location est." });
  consumer("goldwind", { label: "Goldwind and Chinese direct-drive wind OEMs (aggregate)", country: "CN", operator: "Goldwind and others", lat: 39.8, lon: 116.5, sources: src("R61"), notes: "Aggregate; volume EST. Location est." });
  consumer("cn-domestic-other-aggregate", { label: "China domestic other (aggregate)", country: "CN", lat: 31.2, lon: 121.5, sources: src("R87"), notes: "Aggregate: rest of China's magnet output. Location est." });
  consumer("rest-of-world-aggregate", { label: "Rest of world (aggregate)", country: "ZZ", sources: src("R87"), notes: "Aggregate: SE Asian electronics/HDD assembly, Korea (other), Taiwan ... incl. Japanese makers' exports; ZZ = several countries. Volumes EST." });

  // ---------------------------------------------------------------- edges: mines → refineries → metals
  edge("cnre-bayan-obo", "cnre-baotou-separators-aggregate", 62000, { sources: src("S09", "R169") });
  edge("cn-sichuan-shandong-mines-aggregate", "cn-light-separators-aggregate", 25000, { sources: src("S09") });
  edge("cn-ionic-clay-mines-aggregate", "cn-south-ndpr-separators-aggregate", 21500, { sources: src("S09"), notes: "Light half of ionic-clay feed (README)." });
  edge("cn-ionic-clay-mines-aggregate", "cn-south-hre-separators-aggregate", 21500, { sources: src("S09"), notes: "Heavy half of ionic-clay feed (README)." });
  edge("cn-ndfeb-scrap-recycling-aggregate", "cn-scrap-separators-ndpr-aggregate", 6200, { sources: src("S01") });
  edge("cn-ndfeb-scrap-recycling-aggregate", "cn-scrap-separators-hre-aggregate", 232, { sources: src("S01") });
  edge("mp-mountain-pass-mine", "mp-mountain-pass-separation", 0, { sources: src("R187"), notes: "Idle in 2010 (0 t); restart 2012." });
  edge("lynas-mount-weld", "lynas-lamp-ndpr", 11000, { sources: src("R03", "R06"), notes: "Planned phase-1 feed (EST)." });
  edge("lynas-lamp-ndpr", "jp-metal-alloy-makers-aggregate", 3000, { sources: src("R25"), notes: "Planned Sojitz offtake (L03), EST 3,000 t/yr NdPr." });
  edge("toyotsu-rare-earths-india", "jp-metal-alloy-makers-aggregate", 700, { sources: src("R136"), notes: "Planned (EST)." });
  edge("cnre-baotou-separators-aggregate", "cnre-baotou-metal", { need: 1 });
  edge("cn-light-separators-aggregate", "cn-metal-makers-aggregate", { need: 5000 });
  edge("cn-south-ndpr-separators-aggregate", "cn-metal-makers-aggregate", { need: 9700 });
  edge("cn-scrap-separators-ndpr-aggregate", "cn-metal-makers-aggregate", { need: 5124 });
  edge("cnre-baotou-separators-aggregate", "showa-denko-china-alloy", { need: 1 }, { sources: src("S10"), notes: "Baotou Showa (1,000 t of 3,000 t capacity); volume EST." });
  edge("cn-south-ndpr-separators-aggregate", "showa-denko-china-alloy", { need: 2 }, { sources: src("S10"), notes: "Ganzhou Zhaori (2,000 t of 3,000 t capacity); volume EST." });
  const JP_OXIDE = { sources: src("S07", "S18"), notes: "EST: Chinese NdPr oxide exports to Japanese alloy makers (Japan imported ≈20,000 t RE from China in 2010, S07); split by separator EST." };
  edge("cnre-baotou-separators-aggregate", "jp-metal-alloy-makers-aggregate", { need: 0.5 }, JP_OXIDE);
  edge("cn-light-separators-aggregate", "jp-metal-alloy-makers-aggregate", { need: 0.1 }, JP_OXIDE);
  edge("cn-south-ndpr-separators-aggregate", "jp-metal-alloy-makers-aggregate", { need: 0.4 }, JP_OXIDE);
  edge("cn-south-hre-separators-aggregate", "cn-dytb-metal-makers-aggregate", { need: 2389 });
  edge("cn-scrap-separators-hre-aggregate", "cn-dytb-metal-makers-aggregate", { need: 115 });
  edge("cn-south-hre-separators-aggregate", "jp-dytb-metal-makers-aggregate", { need: 1 }, { sources: src("S08", "S07") });

  // magnets → consumers
  const out = (from, list) => {
    for (const [to, v] of list) edge(from, to, v);
  };
  out("proterial-japan", [["toyota", 2500], ["rest-of-world-aggregate", 3000], ["japan-other-industry", "rest"]]);
  out("shin-etsu-takefu", [["toyota", 800], ["honda", 500], ["rest-of-world-aggregate", 1500], ["japan-other-industry", "rest"]]);
  out("tdk-japan", [["honda", 800], ["nissan", 300], ["suzuki", 200], ["rest-of-world-aggregate", 1500], ["japan-other-industry", "rest"]]);
  out("vac-hanau", [["bosch-schaeffler", 400], ["eu-other-aggregate", "rest"]]);
  out("zksh", [["eu-other-aggregate", 1000], ["us-other-aggregate", 1000], ["cn-domestic-other-aggregate", "rest"]]);
  out("cn-magnet-makers-aggregate", [
    ["goldwind", 3000], ["byd", 500], ["toyota", 300], ["japan-other-industry", 1000], ["gm", 300], ["ford", 200],
    ["apple", 300], ["us-other-aggregate", 4000], ["siemens-gamesa", 200], ["bosch-schaeffler", 1000],
    ["eu-other-aggregate", 5000], ["hyundai-kia", 1000], ["rest-of-world-aggregate", 10000], ["cn-domestic-other-aggregate", "rest"],
  ]);
  declareBasket2010({ node, edge });
  return finish();
}
