import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { plainCsr } from "../_helpers/plain-csr.js";
import { graphFromText } from "../_helpers/graph-from-text.js";
import { randomSupplyGraphText } from "../_helpers/random-supply-graph.js";
import { syntheticGraphJson } from "../../src/generate/synthetic-graph-json.js";
import { syntheticNetwork } from "../../src/generate/synthetic-network.js";
import { parseGraph } from "../../src/io/parse-graph.js";
import { buildCsr, csrFromLists, type GraphLists } from "../../src/model/csr.js";

const plain = plainCsr;

const graph = graphFromText(`
  b-mine [mine CN output=ore capacity=10]
  a-mine [mine AU output=ore capacity=5]
  ref [refinery MY output=ox recipe=ore:1.2]
  car [consumer JP demand=3]
  b-mine -> ref volume=4 leadTimeDays=30
  a-mine -> ref
  ref -> car volume=5
`);

/** The graph's lists with the nodes in the given id order (edges in file order). */
function listsIn(order: string[], withPositions: boolean, withOrder = false): GraphLists {
  const at = new Map(order.map((id, i) => [id, i]));
  const edges = graph.edges();
  return {
    graphAttributes: graph.getAttributes(),
    ids: order.slice(),
    attributes: order.map((id) => graph.getNodeAttributes(id)),
    edgeSource: Int32Array.from(edges, (e) => at.get(graph.source(e))!),
    edgeTarget: Int32Array.from(edges, (e) => at.get(graph.target(e))!),
    edgeAttributes: edges.map((e) => graph.getEdgeAttributes(e)),
    edgeKeys: null,
    ...(withPositions ? { positions: at } : {}),
    ...(withOrder ? { order: Int32Array.from(order.slice().sort(), (id) => at.get(id)!) } : {}),
  };
}

describe("csrFromLists", () => {
  it("numbers nodes by sorted id whatever the list order, sorted lists included (no sort then)", () => {
    const view = plain(buildCsr(graph));
    expect(view.ids).toEqual(["a-mine", "b-mine", "car", "ref"]);
    const sorted = [...graph.nodes()].sort();
    for (const order of [sorted, sorted.slice().reverse(), graph.nodes()])
      for (const withPositions of [false, true])
        expect(plain(csrFromLists(listsIn(order, withPositions)))).toEqual(view);
    // the loader's sorted order (`GraphLists.order`): no sort, no Map, the same view
    for (const order of [sorted, sorted.slice().reverse(), graph.nodes()]) {
      const csr = csrFromLists(listsIn(order, false, true));
      expect(plain(csr)).toEqual(view);
      expect(csr.index.get("car")).toBe(2);
      expect(csr.index.has("nowhere")).toBe(false);
    }
  });

  it("edges in out-list order: by source, then by target; volume 0 when not given", () => {
    const csr = buildCsr(graph);
    const pairs = Array.from(csr.edgeSource, (s, e) => `${csr.ids[s]}->${csr.ids[csr.edgeTarget[e]!]}`);
    expect(pairs).toEqual(["a-mine->ref", "b-mine->ref", "ref->car"]);
    expect(Array.from(csr.volume)).toEqual([0, 4, 5]);
    expect(Array.from(csr.leadTime)).toEqual([Number.NaN, 30, Number.NaN]);
    expect(Array.from(csr.volumeGiven)).toEqual([0, 1, 1]);
  });

  it("every out-list sorted by target and every in-list by source, on a generated graph in file order", () => {
    const text = [...syntheticGraphJson(syntheticNetwork({ nodes: 400, seed: 5 }))].join("");
    const csr = buildCsr(parseGraph(text));
    expect(csr.m).toBeGreaterThan(csr.n);
    // a supplier with a long out-list (over 32 edges: the engine's sort, not insertion) is among them
    const longest = Math.max(
      ...Array.from({ length: csr.n }, (_, v) => csr.outOffsets[v + 1]! - csr.outOffsets[v]!),
    );
    expect(longest).toBeGreaterThan(32);
    const seen = new Set<number>();
    for (let v = 0; v < csr.n; v++) {
      for (let k = csr.outOffsets[v]!; k < csr.outOffsets[v + 1]!; k++) {
        expect(csr.outEdges[k]).toBe(k);
        expect(csr.edgeSource[k]).toBe(v);
        if (k > csr.outOffsets[v]!) expect(csr.edgeTarget[k]!).toBeGreaterThan(csr.edgeTarget[k - 1]!);
      }
      for (let k = csr.inOffsets[v]!; k < csr.inOffsets[v + 1]!; k++) {
        const e = csr.inEdges[k]!;
        seen.add(e);
        expect(csr.edgeTarget[e]).toBe(v);
        if (k > csr.inOffsets[v]!)
          expect(csr.edgeSource[e]!).toBeGreaterThan(csr.edgeSource[csr.inEdges[k - 1]!]!);
      }
    }
    expect(seen.size).toBe(csr.m);
  });

  it("numbers edges in out-list order (outEdges[i] === i, which hot loops rely on) on random graphs", () => {
    fc.assert(
      fc.property(randomSupplyGraphText(10, true), (text) => {
        const csr = buildCsr(graphFromText(text));
        for (let i = 0; i < csr.m; i++) expect(csr.outEdges[i]).toBe(i);
        for (let v = 0; v < csr.n; v++)
          for (let e = csr.outOffsets[v]!; e < csr.outOffsets[v + 1]!; e++) expect(csr.edgeSource[e]).toBe(v);
      }),
      { numRuns: 200 },
    );
  });
});
