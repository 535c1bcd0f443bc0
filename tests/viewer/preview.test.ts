import { expect, test } from "vitest";
import { checkGraphBytesParts } from "../../src/io/parse-graph.js";
import { syntheticGraphJson } from "../../src/generate/synthetic-graph-json.js";
import { syntheticNetwork } from "../../src/generate/synthetic-network.js";
import { graphFromParts } from "../../src/model/graph-checks.js";
import type { SupplyGraph } from "../../src/model/types.js";
import { buildEncodings, countryColor } from "../../viewer/src/encodings.js";
import { tiersLayout } from "../../viewer/src/layouts/tiers.js";
import { previewBuffers, previewDisplay, previewOf } from "../../viewer/src/preview.js";
import { NODE_SIZE, OTHER_COUNTRY_COLOR } from "../../viewer/src/settings.js";
import { graphFromText } from "../_helpers/graph-from-text.js";

/** The loader worker's view of a graph: its export checked as a file. */
function partsOf(graph: SupplyGraph) {
  const result = checkGraphBytesParts(new TextEncoder().encode(JSON.stringify(graph.export())));
  expect(result.problems.filter((p) => p.severity === "error")).toEqual([]);
  return result.parts!;
}

/** The preview draws each node where and in the colour the page draws it once the graph is in. */
function expectSameAsPage(graph: SupplyGraph): void {
  const preview = previewOf(partsOf(graph));
  const encodings = buildEncodings(graph);
  const positions = tiersLayout(
    graph,
    encodings.countries.map((c) => c.country),
  );
  expect(preview.ids).toEqual(graph.nodes());
  expect(preview.edges).toBe(graph.size);
  preview.ids.forEach((id, i) => {
    expect({ x: preview.x[i], y: preview.y[i] }).toEqual(positions.get(id));
    expect(preview.palette[preview.color[i]!]).toBe(
      countryColor(encodings, graph.getNodeAttribute(id, "country")),
    );
  });
}

test("a small graph: tiers positions and country colours as the page's, in file order", () => {
  const graph = graphFromText(`
    m1 [mine CN output=ore]
    m2 [mine AU output=ore]
    r [refinery MY output=ox]
    x [consumer JP demand=3]
    y [consumer DE demand=1]
    m1 -> r volume=1
    m2 -> r volume=2
    r -> x volume=2
    r -> y volume=1
  `);
  expectSameAsPage(graph);
  const preview = previewOf(partsOf(graph));
  // China keeps its fixed colour; every palette entry is a colour string
  expect(preview.palette[preview.color[preview.ids.indexOf("m1")]!]).toBe(
    buildEncodings(graph).countryColors.get("CN"),
  );
  expect(preview.palette[0]).toBe(OTHER_COUNTRY_COLOR);
});

test("a generated 10^3-node graph: the preview matches the page's drawing node for node", () => {
  const text = [...syntheticGraphJson(syntheticNetwork({ nodes: 1000, seed: 7 }))].join("");
  const parts = checkGraphBytesParts(new TextEncoder().encode(text)).parts!;
  expectSameAsPage(graphFromParts(parts));
});

test("the display graph holds the nodes only, with position, colour and the default size", () => {
  const graph = graphFromText(`
    m [mine CN output=ore]
    x [consumer US demand=1]
    m -> x volume=1
  `);
  const preview = previewOf(partsOf(graph));
  const display = previewDisplay(preview);
  expect(display.nodes()).toEqual(["m", "x"]);
  expect(display.size).toBe(0);
  const i = preview.ids.indexOf("x");
  expect(display.getNodeAttributes("x")).toEqual({
    x: preview.x[i],
    y: preview.y[i],
    color: preview.palette[preview.color[i]!],
    size: NODE_SIZE.missing,
  });
  // what is moved to the page rather than copied: the three typed arrays' buffers
  expect(previewBuffers(preview)).toEqual([preview.x.buffer, preview.y.buffer, preview.color.buffer]);
});
