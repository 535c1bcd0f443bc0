// Regenerate graphs/rare-earths-{2010,2025}.json from the declarations, then print the balance and a quick
// concentration check. Usage: node graphs/_tools/build.mjs [--check]
// --check writes nothing: it rebuilds both graphs in memory and exits 1 unless each equals the committed file
// byte for byte (a test runs it, so the files and the generator cannot drift apart). It reads only files in the
// repository (graphs/sources/), so it runs on a clean clone.
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { declare2010 } from "./build-2010.mjs";
import { declare2025 } from "./build-2025.mjs";
import { attributes2010, attributes2025, finishGraph } from "./graph-attributes.mjs";
import { assemble, balance, isPipeline } from "./lib.mjs";

const graphs = join(dirname(fileURLToPath(import.meta.url)), "..");

function quickReport(g) {
  const byId = new Map(g.nodes.map((n) => [n.key, n.attributes]));
  const kept = (a) => !isPipeline(a);
  const stages = {};
  for (const n of g.nodes) {
    const a = n.attributes;
    if (!kept(a)) continue;
    const outs = g.edges.filter((e) => e.source === n.key && kept(byId.get(e.target)) && e.attributes.volume !== undefined);
    const v = a.demand > 0 ? a.demand : outs.length ? outs.reduce((s, e) => s + e.attributes.volume, 0) : (a.capacity ?? 0);
    stages[a.stage] ??= {};
    stages[a.stage][a.country] = (stages[a.stage][a.country] ?? 0) + v;
  }
  const imports = {};
  for (const e of g.edges) {
    const sa = byId.get(e.source);
    const ta = byId.get(e.target);
    if (!kept(sa) || !kept(ta) || sa.country === ta.country || !["refinery", "metal"].includes(sa.stage)) continue;
    imports[ta.country] ??= {};
    imports[ta.country][sa.country] = (imports[ta.country][sa.country] ?? 0) + (e.attributes.volume ?? 0);
  }
  const share = (m, c) => (m[c] ?? 0) / Object.values(m).reduce((s, v) => s + v, 0);
  const fmt = (x) => x.toFixed(3);
  console.log(`${g.attributes.name}: ${g.nodes.length} nodes, ${g.edges.length} edges`);
  for (const [stage, m] of Object.entries(stages)) {
    const total = Object.values(m).reduce((s, v) => s + v, 0);
    if (total === 0) continue; // stockpiles hold stock, not flow
    const top = Object.entries(m).sort((a, b) => b[1] - a[1]).slice(0, 5).map(([c, v]) => `${c} ${fmt(v / total)}`);
    console.log(`  ${stage.padEnd(9)} ${Math.round(total).toString().padStart(8)}  ${top.join(", ")}`);
  }
  console.log(`  JP imports: total ${Math.round(Object.values(imports.JP ?? {}).reduce((s, v) => s + v, 0))}, CN ${fmt(share(imports.JP ?? {}, "CN"))}`, imports.JP);
  console.log(`  JP magnet share ${fmt(share(stages.magnet, "JP"))}, CN mine ${fmt(share(stages.mine, "CN"))}, CN refinery ${fmt(share(stages.refinery, "CN"))}, CN magnet ${fmt(share(stages.magnet, "CN"))}`);
}

const check = process.argv.includes("--check");
for (const [year, declare, attrs] of [[2025, declare2025, attributes2025], [2010, declare2010, attributes2010]]) {
  const g = finishGraph(assemble({ attributes: attrs, ...declare() }));
  for (const row of process.argv.includes("--quiet") ? [] : balance(g)) {
    if (row.allows === null || row.allows === undefined) continue;
    const u = row.allows > 0 ? row.shipped / row.allows : row.shipped > 0 ? Infinity : 1;
    if (u > 1.001 || u < 0.85) console.log(`  balance ${year} ${row.id}: ships ${Math.round(row.shipped)} of ${Math.round(row.allows)} (${(u * 100).toFixed(0)}%)`);
  }
  const quiet = process.argv.includes("--quiet");
  if (!quiet) quickReport(g);
  const file = join(graphs, `rare-earths-${year}.json`);
  const text = `${JSON.stringify(g, null, 2)}\n`;
  if (!check) writeFileSync(file, text);
  else if (readFileSync(file, "utf8") !== text) {
    console.error(`rare-earths-${year}.json differs from what graphs/_tools builds: run node graphs/_tools/build.mjs`);
    process.exitCode = 1;
  }
}
