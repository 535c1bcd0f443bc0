/** `chokepoint generate --nodes N --seed S`: a synthetic tiered supply graph (benchmarks, tests, demos). */
import { syntheticGraphJson } from "../../generate/synthetic-graph-json.js";
import { DEFAULT_SYNTHETIC_NETWORK_OPTIONS, syntheticNetwork } from "../../generate/synthetic-network.js";
import { UsageError } from "../../model/errors.js";
import { writeFileAtomic } from "../../io/write-atomic.js";
import { checkOut, type CommandSpec, outOption } from "../_command.js";

function number(name: string) {
  return (value: string): number => {
    const n = Number(value);
    if (value.trim() === "" || !Number.isFinite(n))
      throw new UsageError(`--${name} needs a number, not "${value}"`);
    return n;
  };
}

const d = DEFAULT_SYNTHETIC_NETWORK_OPTIONS;

export const generateCommand: CommandSpec = {
  name: "generate",
  summary:
    "write a synthetic tiered supply graph (mine → refinery → metal → magnet → consumer; seeded, not real data)",
  options: [
    {
      flags: "--nodes <n>",
      description: "number of nodes (at least 20)",
      default: d.nodes,
      parse: number("nodes"),
    },
    {
      flags: "--seed <s>",
      description: "random seed (same seed, same file)",
      default: d.seed,
      parse: number("seed"),
    },
    {
      flags: "--edges-per-node <k>",
      description: "mean suppliers per buyer that is not sole-sourced",
      default: d.edgesPerNode,
      parse: number("edges-per-node"),
    },
    {
      flags: "--sole-frac <share>",
      description: "share of buyers with a single supplier (single points of failure)",
      default: d.soleFrac,
      parse: number("sole-frac"),
    },
    {
      flags: "--recipe-frac <share>",
      description: "share of magnet makers needing NdPr-metal AND DyTb-metal",
      default: d.recipeFrac,
      parse: number("recipe-frac"),
    },
    outOption,
  ],
  examples: [
    "chokepoint generate --nodes 10000 --seed 1 --out synthetic-10k.json",
    "chokepoint generate --nodes 1000000 --out synthetic-1m.json   # about 600 MB",
  ],
  async run({ options, io }) {
    checkOut(options);
    const net = syntheticNetwork({
      nodes: options.nodes as number,
      seed: options.seed as number,
      edgesPerNode: options.edgesPerNode as number,
      soleFrac: options.soleFrac as number,
      recipeFrac: options.recipeFrac as number,
    });
    if (typeof options.out === "string") {
      writeFileAtomic(options.out, syntheticGraphJson(net));
      io.stderr(`wrote ${options.out} (${net.nodeCount} nodes, ${net.edgeCount} edges)\n`);
    } else {
      for (const chunk of syntheticGraphJson(net)) io.stdout(chunk);
    }
    return 0;
  },
};
