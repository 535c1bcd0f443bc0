/**
 * The fuzz targets: every reader (JSON, CSV, GEXF, GraphML, scenario, lever) and the `--remove` / `--cut` /
 * `--scale` parsers, each with a fast-check arbitrary of inputs and the one property they all share: the input
 * either loads or fails with a typed `ChokepointError` (a reader may also return problems), never another
 * exception. Inputs are mutations of a valid seed (cut, repeat, insert tokens of the format, random text),
 * so most of them get past the first parse and reach the checks behind it. Used by `fuzz.test.ts` (a few
 * hundred cases per target in `npm test`) and `npm run fuzz` (tests/bench/fuzz.mjs: 100,000 per target).
 */
import fc from "fast-check";
import { applyLever } from "../../src/levers/apply-lever.js";
import { checkCsvTables } from "../../src/io/formats/csv.js";
import { writeCsv } from "../../src/io/formats/csv-write.js";
import { checkGexfText, writeGexf } from "../../src/io/formats/gexf.js";
import { checkGraphmlText, writeGraphml } from "../../src/io/formats/graphml.js";
import { parseLever } from "../../src/io/load-lever.js";
import { parseScenario } from "../../src/io/load-scenario.js";
import { checkGraphBytes } from "../../src/io/parse-graph.js";
import { serializeGraphJson } from "../../src/io/write-graph-file.js";
import { buildCsr } from "../../src/model/csr.js";
import { ChokepointError } from "../../src/model/errors.js";
import type { SupplyGraph } from "../../src/model/types.js";
import { applyScenario } from "../../src/scenario/apply-scenario.js";
import { parseCut, parseScale, parseSelector } from "../../src/scenario/selectors.js";
import { graphFromText } from "../_helpers/graph-from-text.js";

/** The seed graph every mutation starts from: small, but with every kind of node and attribute. */
export const SEED_TEXT = `
  m1 [mine CN output=ore capacity=100 operator=A status=operating]
  m2 [mine AU output=ore capacity=50]
  r1 [refinery JP output=ox recipe=ore:1 capacity=100]
  x1 [metal US output=met recipe=ox:0.5 capacity=20 status=planned]
  c1 [consumer JP demand=10 recipe=ox:1]
  c2 [consumer DE demand=5 recipe=met:1]
  m1 -> r1 volume=10 capacity=40
  m2 -> r1 volume=5
  r1 -> c1 volume=10
  r1 -> x1 volume=4
  x1 -> c2 volume=2
`;

export function seedGraph(): SupplyGraph {
  return graphFromText(SEED_TEXT, { name: "fuzz seed", year: 2025 });
}

/** Tokens that matter to each format: structure, reserved names, odd numbers, controls, entities. */
const COMMON = [
  "__proto__",
  "constructor",
  "toString",
  "prototype",
  "hasOwnProperty",
  "NaN",
  "Infinity",
  "-1",
  "1e400",
  "1e15",
  "0",
  "-0",
  "",
  " ",
  "\u0000",
  "\u001b[2J",
  "\r",
  "\n",
  "\ufeff",
  "\ud800",
  "é",
  "💥",
  "\\",
  '"',
  "'",
  ",",
  ";",
];
const TOKENS = {
  json: [
    ...COMMON,
    "{",
    "}",
    "[",
    "]",
    ":",
    "null",
    "true",
    "false",
    '"key"',
    '"stage"',
    '"capacity"',
    '"recipe"',
    '"source"',
    '"target"',
    '"nodes"',
    '"edges"',
    '"attributes"',
    '{"__proto__":{"x":1}}',
    "[[[[[[[[",
    "]]]]]]]]",
    '"consumer"',
    '"mine"',
    '"demand"',
    '"volume"',
    '"output"',
    '"country"',
    '"CN"',
  ],
  xml: [
    ...COMMON,
    "<",
    ">",
    "</",
    "/>",
    '<node id="z"/>',
    '<edge source="m1" target="z"/>',
    "<graph>",
    "</graph>",
    '<!DOCTYPE x [<!ENTITY a "b">]>',
    "&a;",
    "&amp;",
    "&#0;",
    "<![CDATA[",
    "]]>",
    "<!--",
    "-->",
    "<hyperedge/>",
    '<spells><spell start="1"/></spells>',
    '<data key="d0">x</data>',
    '<attvalue for="stage" value="mine"/>',
    'xmlns:viz="http://gexf.net/1.3/viz"',
    '<?xml version="1.0"?>',
  ],
  csv: [
    ...COMMON,
    '"',
    '""',
    ",,,",
    "\n\n",
    "\r\n",
    "id",
    "source",
    "target",
    "stage",
    "capacity",
    "recipe",
    "ore:1",
    "=cmd",
    "+1",
    "@x",
    "0012",
    "TRUE",
    "1,000",
  ],
  scenario: [
    ...COMMON,
    "{",
    "}",
    "[",
    "]",
    ":",
    "null",
    '"remove"',
    '"cut"',
    '"scale"',
    '"select"',
    '"factor"',
    '"node"',
    '"country"',
    '"stage"',
    '"from"',
    '"to"',
    '"*"',
    '"material"',
    '"edits"',
    '"set"',
    '"addEdges"',
    '"selectEdge"',
    '"pillar"',
    '"name"',
    '"m1"',
    '"r1"',
    '"c1"',
    "{}",
    '"year"',
    '"includePlanned"',
  ],
  selector: [
    ...COMMON,
    "=",
    ",",
    ":",
    ">",
    "*",
    "node",
    "country",
    "stage",
    "operator",
    "status",
    "output",
    "CN",
    "JP",
    "m1",
    "refinery",
    "0.5",
    "-1",
    "1e9",
  ],
} as const;

/** Mutations of a seed text: cut a range, repeat one, insert a token or random text (several in a row). */
export function mutated(
  seed: string,
  tokens: readonly string[],
  maxMutations = 4,
  minMutations = 1,
): fc.Arbitrary<string> {
  const mutation = fc.oneof(
    fc.record({
      op: fc.constant("cut" as const),
      at: fc.double({ min: 0, max: 1, noNaN: true }),
      len: fc.nat(40),
    }),
    fc.record({
      op: fc.constant("repeat" as const),
      at: fc.double({ min: 0, max: 1, noNaN: true }),
      len: fc.nat(80),
    }),
    fc.record({
      op: fc.constant("insert" as const),
      at: fc.double({ min: 0, max: 1, noNaN: true }),
      text: fc.oneof(fc.constantFrom(...tokens), fc.string({ maxLength: 8, unit: "binary" })),
    }),
  );
  return fc.array(mutation, { minLength: minMutations, maxLength: maxMutations }).map((ms) => {
    let s = seed;
    for (const m of ms) {
      const i = Math.floor(m.at * (s.length + 1));
      if (m.op === "cut") s = s.slice(0, i) + s.slice(i + m.len);
      else if (m.op === "repeat") s = s.slice(0, i + m.len) + s.slice(i, i + m.len) + s.slice(i + m.len);
      else s = s.slice(0, i) + m.text + s.slice(i);
    }
    return s;
  });
}

/** How one input ended: loaded, refused with problems, or refused with a typed error. */
export type Outcome = "loaded" | "problems" | "typed error";

/** The shared property: `run` returns (loaded or with problems), or throws a ChokepointError; else it throws. */
export function typedOnly(run: () => Outcome): Outcome {
  try {
    return run();
  } catch (e) {
    if (e instanceof ChokepointError) return "typed error";
    throw e;
  }
}

/** One fuzz target: a name, its inputs, and what to do with one. */
export interface FuzzTarget<T> {
  name: string;
  inputs: fc.Arbitrary<T>;
  run(input: T): Outcome;
}

const seed = seedGraph();
const seedJson = serializeGraphJson(seed);
const seedCsv = writeCsv(seed);
const seedGexf = writeGexf(seed);
const seedGraphml = writeGraphml(seed);
const seedScenario = JSON.stringify({
  name: "s",
  description: "d",
  remove: [{ country: "CN" }, { node: "m2" }],
  cut: [{ from: "CN", to: "*", material: "ore" }],
  scale: [{ select: { stage: "refinery" }, factor: 0.5 }],
  includePlanned: true,
});
const seedLever = JSON.stringify({
  name: "l",
  pillar: "p",
  edits: [{ select: { node: "r1" }, set: { capacity: 200 } }],
  addEdges: [{ source: "m2", target: "x1", volume: 1 }],
  remove: [{ node: "m1" }],
});

/** A loaded graph is also taken through the integer view, so a graph the checks let through must build. */
function useGraph(result: { graph: SupplyGraph | null; problems: Array<{ severity: string }> }): Outcome {
  if (!result.graph || result.problems.some((p) => p.severity === "error")) return "problems";
  buildCsr(result.graph);
  return "loaded";
}

/** Every target, for `fuzz.test.ts` and `npm run fuzz`. */
export const FUZZ_TARGETS: Array<FuzzTarget<never>> = [
  {
    name: "json graph",
    inputs: fc.oneof(
      mutated(seedJson, TOKENS.json),
      fc.uint8Array({ maxLength: 64 }).map((b) => Buffer.from(b).toString("latin1")),
    ),
    run: (text: string) => useGraph(checkGraphBytes(Buffer.from(text, "utf8"))),
  },
  {
    name: "csv tables",
    // each table takes 0-4 mutations (at least one in all: the unchanged seed would load every time)
    inputs: fc
      .tuple(
        mutated(seedCsv.nodes, TOKENS.csv, 4, 0),
        mutated(seedCsv.edges, TOKENS.csv, 4, 0),
        mutated(seedCsv.graph, TOKENS.csv, 2, 0),
      )
      .filter(([n, e, g]) => n !== seedCsv.nodes || e !== seedCsv.edges || g !== seedCsv.graph),
    run: ([nodes, edges, graph]: [string, string, string]) =>
      useGraph(
        checkCsvTables({
          nodes: { text: nodes, name: "nodes.csv" },
          edges: { text: edges, name: "edges.csv" },
          graph: { text: graph, name: "graph.csv" },
        }),
      ),
  },
  {
    name: "gexf",
    inputs: mutated(seedGexf, TOKENS.xml),
    run: (text: string) => useGraph(checkGexfText(text)),
  },
  {
    name: "graphml",
    inputs: mutated(seedGraphml, TOKENS.xml),
    run: (text: string) => useGraph(checkGraphmlText(text)),
  },
  {
    name: "scenario",
    inputs: mutated(seedScenario, TOKENS.scenario, 3),
    run: (text: string) => {
      const scenario = parseScenario(text, "fuzz.json");
      applyScenario(buildCsr(seed), scenario);
      return "loaded";
    },
  },
  {
    name: "lever",
    inputs: mutated(seedLever, TOKENS.scenario, 3),
    run: (text: string) => {
      applyLever(seed, parseLever(text, "fuzz.json"));
      return "loaded";
    },
  },
  {
    name: "--remove / --cut / --scale",
    inputs: fc.tuple(
      fc.constantFrom("remove", "cut", "scale"),
      fc.oneof(
        mutated("country=CN,stage=refinery", TOKENS.selector, 3),
        mutated("CN>*:ore", TOKENS.selector, 3),
        mutated("country=CN:0.5", TOKENS.selector, 3),
      ),
    ),
    run: ([kind, text]: [string, string]) => {
      const csr = buildCsr(seed);
      if (kind === "remove") applyScenario(csr, { name: "f", remove: [parseSelector(text)] });
      else if (kind === "cut") applyScenario(csr, { name: "f", cut: [parseCut(text)] });
      else applyScenario(csr, { name: "f", scale: [parseScale(text)] });
      return "loaded";
    },
  },
] as unknown as Array<FuzzTarget<never>>;
