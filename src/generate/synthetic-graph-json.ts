/**
 * A synthetic network as graph-file text (graphology serialization JSON), in chunks of about `chunkChars`
 * characters, so a 10^6-node file (about 600 MB) is written piece by piece and never held as one string (V8
 * caps a string at 2^29 − 24 characters). One node or edge per line; no edge keys (the loader derives
 * `source->target`), which keeps the file about a sixth smaller. Pure: the caller writes the chunks.
 */
import {
  SYNTHETIC_OUTPUTS,
  SYNTHETIC_RECIPE,
  SYNTHETIC_STAGES,
  type SyntheticNetwork,
  syntheticCountry,
  syntheticNodeId,
} from "./synthetic-network.js";

const LABELS = ["Mine", "Refinery", "Metal plant", "Magnet maker", "Consumer"];

/** The `sources` value every generated node and edge carries. */
export function syntheticSource(seed: number): string {
  return `synthetic (chokepoint generate, seed ${seed})`;
}

/** Graph-file text of `net`, in chunks of roughly `chunkChars` characters (default 1 MiB). */
export function* syntheticGraphJson(net: SyntheticNetwork, chunkChars = 1 << 20): Generator<string> {
  const { seed, edgesPerNode, soleFrac, recipeFrac } = net.options;
  const sources = `"sources":${JSON.stringify([syntheticSource(seed)])}`;
  const attributes = {
    name: `synthetic-${net.nodeCount}-seed-${seed}`,
    stages: SYNTHETIC_STAGES,
    units: "t",
    sources: [syntheticSource(seed)],
    notes:
      `Synthetic tiered supply graph: ${net.nodeCount} nodes, ${net.edgeCount} edges, ` +
      `edges-per-node ${edgesPerNode}, sole-frac ${soleFrac}, recipe-frac ${recipeFrac}. Not real data.`,
  };
  const recipe = `"recipe":${JSON.stringify(SYNTHETIC_RECIPE)}`;
  const ids: string[] = new Array(net.nodeCount);
  for (let v = 0; v < net.nodeCount; v++) ids[v] = syntheticNodeId(net, v);

  let buffer: string[] = [
    `{"attributes":${JSON.stringify(attributes)},"options":{"type":"directed","multi":false,"allowSelfLoops":false},\n"nodes":[\n`,
  ];
  let size = buffer[0]!.length;
  const push = (s: string) => {
    buffer.push(s);
    size += s.length;
  };
  for (let v = 0; v < net.nodeCount; v++) {
    const t = net.tier[v]!;
    const id = ids[v]!;
    const out = SYNTHETIC_OUTPUTS[t];
    const amount = out
      ? `"capacity":${net.amount[v]},"output":"${out[net.line[v]!]}",${net.recipe[v] ? `${recipe},` : ""}`
      : `"demand":${net.amount[v]},`;
    push(
      `{"key":"${id}","attributes":{"label":"${LABELS[t]} ${id}","stage":"${SYNTHETIC_STAGES[t]}",` +
        `"country":"${syntheticCountry(net, v)}",${amount}${sources}}}${v + 1 < net.nodeCount ? ",\n" : "\n"}`,
    );
    if (size >= chunkChars) {
      yield buffer.join("");
      buffer = [];
      size = 0;
    }
  }
  push(`],\n"edges":[\n`);
  for (let e = 0; e < net.edgeCount; e++) {
    push(
      `{"source":"${ids[net.edgeSource[e]!]}","target":"${ids[net.edgeTarget[e]!]}","attributes":` +
        `{"volume":${net.edgeVolume[e]},"leadTimeDays":${net.edgeLeadTime[e]},${sources}}}` +
        `${e + 1 < net.edgeCount ? ",\n" : "\n"}`,
    );
    if (size >= chunkChars) {
      yield buffer.join("");
      buffer = [];
      size = 0;
    }
  }
  push("]}\n");
  yield buffer.join("");
}
