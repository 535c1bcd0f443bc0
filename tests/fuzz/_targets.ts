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

/**
 * One of several arbitraries, each as likely (fc.oneof leans towards its first branch when nested, so a branch
 * could go unused for a whole run).
 */
export function pick<T>(...arbitraries: Array<fc.Arbitrary<T>>): fc.Arbitrary<T> {
  return fc.nat(arbitraries.length - 1).chain((k) => arbitraries[k]!);
}

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

const IDS = ["m1", "m2", "r1", "x1", "c1", "c2", "zz", "", "__proto__", "constructor"];
const WORDS = [
  "CN",
  "JP",
  "AU",
  "US",
  "DE",
  "ZZ",
  "*",
  "mine",
  "refinery",
  "metal",
  "consumer",
  "ore",
  "ox",
  "met",
  "operating",
  "planned",
  "A",
  "",
  "__proto__",
  "constructor",
  "toString",
];
const NUMBERS = fc.oneof(
  fc.double({ noNaN: true }),
  fc.constantFrom(0, -0, -1, 1, 0.5, 1e15, 1e300, -1e300, Number.MAX_SAFE_INTEGER, 2 ** 53 + 1),
);
/** A value nested `depth` levels deep (objects or arrays), as text: JSON.stringify of such a value overflows. */
const deepText = fc
  .tuple(fc.noBias(fc.integer({ min: 65, max: 20_000 })), fc.boolean())
  .map(([depth, arrays]) =>
    arrays ? `${"[".repeat(depth)}1${"]".repeat(depth)}` : `${'{"x":'.repeat(depth)}1${"}".repeat(depth)}`,
  );
/** Any JSON value, as text: small random values, odd numbers, reserved words, or a deeply nested one. */
// Chosen by index, not fc.oneof: nested in arrays, fc.oneof leans to its first branch and never drew the deep one.
const anyValueText = fc
  .nat(8)
  .chain((k) =>
    k < 4
      ? fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v))
      : k < 6
        ? NUMBERS.map((n) => JSON.stringify(n))
        : k < 8
          ? fc.constantFrom(...WORDS).map((w) => JSON.stringify(w))
          : deepText,
  );
/** A node selector: 0-3 keys, possibly none (`{}`), possibly unknown keys. */
const selector = fc.dictionary(
  fc.constantFrom("node", "country", "stage", "operator", "status", "output", "colour"),
  fc.oneof(fc.constantFrom(...IDS, ...WORDS), fc.string({ maxLength: 4 })),
  { maxKeys: 3 },
);

/** The seed graph file with values replaced at random places (attributes, ids, ends, stages) by any value. */
export function structuredGraphText(seedJson: string): fc.Arbitrary<string> {
  const file = JSON.parse(seedJson) as {
    nodes: Array<{ key: string; attributes: Record<string, unknown> }>;
    edges: Array<{ source: string; target: string; attributes?: Record<string, unknown> }>;
  };
  const where = fc.record({
    owner: fc.constantFrom("node", "edge", "graph", "nodeKey", "edgeEnd"),
    index: fc.nat(20),
    key: fc.constantFrom(
      "stage",
      "capacity",
      "recipe",
      "demand",
      "volume",
      "country",
      "output",
      "label",
      "notes",
      "status",
      "stages",
      "importStages",
      "source",
      "target",
      "since",
      "leadTimeDays",
      "__proto__",
      "extra",
    ),
  });
  return fc.array(fc.tuple(where, anyValueText), { minLength: 1, maxLength: 3 }).map((edits) => {
    const copy = structuredClone(file) as typeof file & { attributes: Record<string, unknown> };
    const marks: string[] = [];
    for (const [w, text] of edits) {
      const mark = `"@@${marks.length}@@"`;
      marks.push(text);
      const node = copy.nodes[w.index % copy.nodes.length]!;
      const edge = copy.edges[w.index % copy.edges.length]!;
      if (w.owner === "node") node.attributes[w.key] = mark;
      else if (w.owner === "edge") {
        edge.attributes ??= {};
        edge.attributes[w.key] = mark;
      } else if (w.owner === "graph") copy.attributes[w.key] = mark;
      else if (w.owner === "nodeKey") (node as Record<string, unknown>).key = mark;
      else (edge as Record<string, unknown>)[w.index % 2 ? "source" : "target"] = mark;
    }
    let text = JSON.stringify(copy);
    marks.forEach((m, i) => {
      text = text.replace(`"@@${i}@@"`, m);
    });
    return text;
  });
}

/** Scenario files from the grammar of the format, with any value in any place. */
const structuredScenario = fc
  .record(
    {
      name: fc.oneof(fc.constant("s"), fc.string({ maxLength: 3 })),
      description: fc.string({ maxLength: 8 }),
      remove: fc.array(selector, { maxLength: 3 }),
      cut: fc.array(
        fc.record(
          {
            from: fc.constantFrom(...WORDS),
            to: fc.constantFrom(...WORDS),
            material: fc.constantFrom(...WORDS),
          },
          { requiredKeys: ["from", "to"] },
        ),
        { maxLength: 2 },
      ),
      scale: fc.array(fc.record({ select: selector, factor: NUMBERS }), { maxLength: 2 }),
      includePlanned: fc.boolean(),
      year: fc.oneof(fc.integer({ min: 1990, max: 2100 }), NUMBERS),
    },
    { requiredKeys: ["name"] },
  )
  .map((v) => JSON.stringify(v));

/** Lever files from the grammar: edits, edge edits and added edges between any two nodes (itself included). */
const structuredLever = fc
  .record(
    {
      name: fc.constant("l"),
      pillar: fc.constant("p"),
      remove: fc.array(selector, { maxLength: 2 }),
      edits: fc.array(
        fc.oneof(
          fc.record({
            selectEdge: fc.record({ from: selector, to: selector }),
            set: fc.dictionary(fc.constantFrom("capacity", "volume"), NUMBERS),
          }),
          fc.record({
            select: selector,
            set: fc.dictionary(
              fc.constantFrom("capacity", "stock", "stockpileDays", "recipe"),
              fc.oneof(
                NUMBERS,
                fc.dictionary(fc.constantFrom("ore", "ox", "met", "zz"), NUMBERS, { maxKeys: 2 }),
              ),
            ),
          }),
        ),
        { maxLength: 2 },
      ),
      addEdges: fc.array(
        fc.record(
          {
            source: fc.constantFrom(...IDS),
            target: fc.constantFrom(...IDS),
            volume: NUMBERS,
            capacity: NUMBERS,
          },
          { requiredKeys: ["source", "target"] },
        ),
        { maxLength: 2 },
      ),
    },
    { requiredKeys: ["name", "pillar"] },
  )
  .map((v) => JSON.stringify(v));

/**
 * A loaded graph is also taken through the integer view, so a graph the checks let through must build; with
 * `alsoWrite` (the structured JSON inputs) it is written in every format too, whose writers walk every value.
 */
function useGraph(
  result: { graph: SupplyGraph | null; problems: Array<{ severity: string }> },
  alsoWrite = false,
): Outcome {
  if (!result.graph || result.problems.some((p) => p.severity === "error")) return "problems";
  buildCsr(result.graph);
  if (alsoWrite) {
    serializeGraphJson(result.graph);
    writeGexf(result.graph);
    writeGraphml(result.graph);
    writeCsv(result.graph);
  }
  return "loaded";
}

/** Every target, for `fuzz.test.ts` and `npm run fuzz`. */
export const FUZZ_TARGETS: Array<FuzzTarget<never>> = [
  {
    name: "json graph",
    inputs: pick(
      mutated(seedJson, TOKENS.json),
      structuredGraphText(seedJson),
      fc.uint8Array({ maxLength: 64 }).map((b) => Buffer.from(b).toString("latin1")),
    ),
    run: (text: string) => useGraph(checkGraphBytes(Buffer.from(text, "utf8")), true),
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
    inputs: pick(mutated(seedScenario, TOKENS.scenario, 3), structuredScenario),
    run: (text: string) => {
      const scenario = parseScenario(text, "fuzz.json");
      applyScenario(buildCsr(seed), scenario);
      return "loaded";
    },
  },
  {
    name: "lever",
    inputs: pick(mutated(seedLever, TOKENS.scenario, 3), structuredLever),
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
