// The rest of the rare-earth basket in September 2010 (Ce/La compounds, mischmetal, Y) for Japan and the US, the
// counterpart of basket-2025.mjs with the same ids. Japan imported ≈20,000 t from China in 2010 (S07) of
// ≈23,300 t (S08), mostly Ce/La/Y compounds and mischmetal (S22). Producers are sources, as in 2025.
import { src } from "./common.mjs";

/** Declare the 2010 basket on the collector of the 2010 graph. */
export function declareBasket2010({ node, edge }) {
  const op = (since) => ({ status: "operating", since });
  node("cn-lree-compounds-aggregate", {
    label: "China Ce/La compound producers (aggregate)", stage: "refinery", country: "CN", operator: "Baotou Steel Rare Earth and others",
    lat: 40.6, lon: 109.9, output: "LREE-compounds", ...op(1990), sources: src("S09", "S07", "S22"),
    notes: "Aggregate. Ce and La ≈68% of the ≈87,000 t REO of light-RE ore China separated in 2010 → ≈59,000 t EST. Exports to Japan and the US EST from S07, S08, S22 and USGS (S23); the rest is China's own use. Location est.",
    ranges: { production: { low: 45000, high: 65000, why: "Ce+La 60-73% of the light feed's REO" } },
  }, { production: 59000 });
  node("cn-lree-metal-aggregate", {
    label: "China mischmetal, La and Ce metal makers (aggregate)", stage: "metal", country: "CN", operator: "Baotou and Sichuan metal makers",
    lat: 40.62, lon: 109.86, output: "LREE-metal", ...op(1990), sources: src("S22", "S23"),
    notes: "Aggregate; exports only. Japan's NiMH alloy makers (hybrid cars, S22) bought Chinese mischmetal. Volumes EST (t metal). Location est.",
  }, { production: 5000 });
  node("cn-y-oxide-aggregate", {
    label: "China yttrium oxide producers (aggregate)", stage: "refinery", country: "CN", operator: "Southern ionic-clay separators",
    lat: 25.84, lon: 114.92, output: "Y-oxide", ...op(1990), sources: src("S09", "S22"),
    notes: "Aggregate; Y ≈25-60% of ionic-clay REO (43,000 t in 2010) → output EST 10,000 t; 2010 phosphor demand (fluorescent lamps, CRTs) was high. Location est.",
  }, { production: 10000 });
  node("solvay-la-rochelle-compounds", {
    label: "Rhodia La Rochelle Ce/La compounds (Solvay from 2011)", stage: "refinery", country: "FR", operator: "Rhodia",
    lat: 46.161, lon: -1.151, output: "LREE-compounds", ...op(1948), sources: src("R102", "S37"),
    notes: "Ce/La formulations from largely Chinese intermediates (feed not modelled, so a source). France was Japan's first cerium-compound supplier until 2024 (S37). Volumes EST. Coordinates est.",
  }, { production: 3000 });
  node("neo-silmet-compounds", {
    label: "AS Silmet Ce/La compounds, Sillamäe", stage: "refinery", country: "EE", operator: "AS Silmet (Molycorp from 2011, Neo from 2016)",
    lat: 59.401, lon: 27.761, output: "LREE-compounds", ...op(1970), sources: src("R105"),
    notes: "3,000 t/yr light-RE separation from Russian loparite intermediates; La/Ce share EST 2,000 t. Coordinates est.",
  }, { production: 2000 });

  const consumer = (key, material, a) => node(key, { stage: "consumer", recipe: { [material]: 1 }, ...a }, { consumer: true });
  consumer("jp-catalysts", "LREE-compounds", { label: "Japan autocatalysts and FCC catalysts (aggregate)", country: "JP", lat: 35.0, lon: 137.0, sources: src("S22"), notes: "Aggregate: autocatalysts ≈ a fifth of Japan's market, 4,500-5,000 t (S22). Volumes EST. Location est." });
  consumer("jp-polishing-glass", "LREE-compounds", { label: "Japan polishing powders and glass users (aggregate)", country: "JP", lat: 35.6, lon: 139.6, sources: src("S22", "S07"), notes: "Aggregate: cerium polishing (LCD glass, HDD substrates) was Japan's largest use in 2010 (S22: demand fell sharply in 2011). Volumes EST. Location est." });
  consumer("jp-nimh-batteries", "LREE-metal", { label: "Japan NiMH battery alloy users (aggregate)", country: "JP", lat: 34.7, lon: 135.5, sources: src("S22"), notes: "Aggregate: La-rich mischmetal for NiMH batteries (hybrid cars, consumer cells). Volume EST (t metal). Location est." });
  consumer("jp-ceramics-phosphors", "Y-oxide", { label: "Japan ceramics and phosphor users (aggregate)", country: "JP", lat: 35.0, lon: 135.8, sources: src("S22"), notes: "Aggregate: Y for phosphors (lamps, CRTs) and ceramics. Volume EST. Location est." });
  consumer("us-catalysts", "LREE-compounds", { label: "US FCC and autocatalyst users (aggregate)", country: "US", lat: 29.7, lon: -95.2, sources: src("S23"), notes: "Aggregate: catalysts are the largest US use (S23). Volumes EST. Location est." });
  consumer("us-metallurgy", "LREE-metal", { label: "US metallurgy and alloy users (aggregate)", country: "US", lat: 40.4, lon: -80.0, sources: src("S23"), notes: "Aggregate: mischmetal, ferrocerium, alloys. Volume EST (t metal). Location est." });
  consumer("us-y-users", "Y-oxide", { label: "US yttrium users (aggregate)", country: "US", lat: 33.4, lon: -112.0, sources: src("S24"), notes: "Aggregate. Volume EST. Location est." });
  consumer("eu-lree-users", "LREE-compounds", { label: "EU Ce/La users (aggregate)", country: "ZZ", lat: 50.8, lon: 4.4, sources: src("R102b"), notes: "Aggregate across EU countries (ZZ). Volume EST. Location est." });
  consumer("cn-lree-users-aggregate", "LREE-compounds", { label: "China Ce/La users (aggregate)", country: "CN", lat: 31.2, lon: 121.4, sources: src("S09"), notes: "Aggregate: the rest of China's Ce/La output. Location est." });
  consumer("cn-y-users-aggregate", "Y-oxide", { label: "China yttrium users (aggregate)", country: "CN", lat: 31.3, lon: 121.5, sources: src("S09"), notes: "Aggregate: the rest of China's Y oxide. Location est." });
  consumer("rest-of-world-lree-metal", "LREE-metal", { label: "Rest of world mischmetal users (aggregate)", country: "ZZ", sources: src("S22"), notes: "Aggregate: other destinations of Chinese mischmetal; ZZ = several countries. Volume EST." });

  const e = (from, to, v, sources, why) => edge(from, to, v, { sources, notes: `Volume EST: ${why} Lead time EST by route.` });
  const cn = "cn-lree-compounds-aggregate";
  e(cn, "jp-catalysts", 4000, src("S07", "S22"), "Chinese Ce/La for Japanese catalysts; Japan took ≈20,000 t from China in 2010 (S07).");
  e(cn, "jp-polishing-glass", 5000, src("S07", "S22"), "Chinese cerium for Japanese polishing and glass.");
  e(cn, "us-catalysts", 6000, src("S23"), "US compound imports ≈10,000 t a year around 2010, mostly Chinese (S23).");
  e(cn, "cn-lree-users-aggregate", "rest", src("S09"), "the rest of China's output.");
  e("solvay-la-rochelle-compounds", "jp-catalysts", 500, src("S37"), "French cerium compounds for Japan (S37).");
  e("solvay-la-rochelle-compounds", "jp-polishing-glass", 1300, src("S37"), "France was Japan's first cerium-compound supplier (S37).");
  e("solvay-la-rochelle-compounds", "us-catalysts", 300, src("S23"), "split not public.");
  e("solvay-la-rochelle-compounds", "eu-lree-users", "rest", src("R102"), "the rest to European users.");
  e("neo-silmet-compounds", "us-catalysts", 400, src("S23"), "split not public.");
  e("neo-silmet-compounds", "eu-lree-users", "rest", src("R105"), "the rest to European users.");
  e("cn-lree-metal-aggregate", "jp-nimh-batteries", 4000, src("S22"), "Japanese NiMH demand was high in 2010 (S22).");
  e("cn-lree-metal-aggregate", "us-metallurgy", 500, src("S23"), "US metal imports (S23).");
  e("cn-lree-metal-aggregate", "rest-of-world-lree-metal", "rest", src("S22"), "other destinations.");
  e("cn-y-oxide-aggregate", "jp-ceramics-phosphors", 2500, src("S22"), "Japanese phosphor and ceramics demand.");
  e("cn-y-oxide-aggregate", "us-y-users", 500, src("S24"), "US yttrium imports, mostly Chinese.");
  e("cn-y-oxide-aggregate", "cn-y-users-aggregate", "rest", src("S09"), "the rest of China's output.");
}
