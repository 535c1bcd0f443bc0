#!/usr/bin/env node
/**
 * The TSV twin of a generated graph, for the Python side of the benchmark: `nodes.tsv` (index, tier, country)
 * and `edges.tsv` (source index, target index), from the same seeded network that `chokepoint generate` writes
 * as JSON (same options, same code), so both sides read the same graph.
 * Usage: node tests/bench/export-tsv.mjs <nodes> <seed> <out dir>
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { syntheticCountry, syntheticNetwork } from "../../dist/src/generate/synthetic-network.js";

const [nodes, seed, dir] = process.argv.slice(2);
const net = syntheticNetwork({ nodes: Number(nodes), seed: Number(seed) });
mkdirSync(dir, { recursive: true });
const lines = [];
for (let v = 0; v < net.nodeCount; v++) lines.push(`${v}\t${net.tier[v]}\t${syntheticCountry(net, v)}\n`);
writeFileSync(`${dir}/nodes.tsv`, lines.join(""));
const chunks = [];
let chunk = [];
for (let e = 0; e < net.edgeCount; e++) {
  chunk.push(`${net.edgeSource[e]}\t${net.edgeTarget[e]}\n`);
  if (chunk.length === 1 << 16) {
    chunks.push(chunk.join(""));
    chunk = [];
  }
}
chunks.push(chunk.join(""));
writeFileSync(`${dir}/edges.tsv`, chunks.join(""));
process.stdout.write(`${JSON.stringify({ nodes: net.nodeCount, edges: net.edgeCount })}\n`);
