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

  it("moves each edge's lead time, volume and key with it, hubs over 32 edges included (property)", () => {
    // a hub shipping to up to 120 nodes in any file order, and a few other edges: each edge of the view must
    // carry what the caller gave for its (source, target) pair
    const lists = fc
      .tuple(fc.integer({ min: 2, max: 120 }), fc.integer({ min: 0, max: 2 ** 31 - 1 }))
      .map(([n, seed]) => {
        let state = seed;
        const next = () => {
          state = (Math.imul(state, 1103515245) + 12345) >>> 0;
          return state / 2 ** 32;
        };
        const ids = Array.from({ length: n }, (_, i) => `n${(i * 7919) % 1000}`);
        const pairs: Array<[number, number]> = [];
        for (let t = 1; t < n; t++) pairs.push([0, t]);
        for (let k = 0; k < n; k++) {
          const s = 1 + Math.floor(next() * (n - 1));
          const t = 1 + Math.floor(next() * (n - 1));
          if (s !== t && !pairs.some(([a, b]) => a === s && b === t)) pairs.push([s, t]);
        }
        for (let i = pairs.length - 1; i > 0; i--) {
          const j = Math.floor(next() * (i + 1));
          [pairs[i], pairs[j]] = [pairs[j]!, pairs[i]!];
        }
        return { ids, pairs };
      });
    fc.assert(
      fc.property(lists, ({ ids, pairs }) => {
        const m = pairs.length;
        const leadTime = Float64Array.from(pairs, (_, e) => (e % 5 === 0 ? Number.NaN : e + 0.5));
        const volume = Float64Array.from(pairs, (_, e) => (e % 3 === 0 ? Number.NaN : 2 * e));
        const keys = pairs.map((_, e) => `k${e}`);
        const csr = csrFromLists({
          graphAttributes: graph.getAttributes(),
          ids,
          attributes: ids.map(() => ({ label: "x", stage: "mine", country: "CN" })),
          edgeSource: Int32Array.from(pairs, ([s]) => s),
          edgeTarget: Int32Array.from(pairs, ([, t]) => t),
          edgeColumns: { leadTime, volume },
          edgeKeys: keys,
        });
        const given = new Map(pairs.map(([s, t], e) => [`${ids[s]}->${ids[t]}`, e]));
        expect(csr.m).toBe(m);
        for (let i = 0; i < m; i++) {
          const e = given.get(`${csr.ids[csr.edgeSource[i]!]}->${csr.ids[csr.edgeTarget[i]!]}`)!;
          expect(csr.edgeKeys![i]).toBe(keys[e]);
          expect(csr.leadTime[i]).toBe(leadTime[e]);
          expect(csr.volume[i]).toBe(Number.isNaN(volume[e]!) ? 0 : volume[e]);
          expect(csr.volumeGiven[i]).toBe(Number.isNaN(volume[e]!) ? 0 : 1);
          if (i > 0 && csr.edgeSource[i] === csr.edgeSource[i - 1])
            expect(csr.edgeTarget[i]!).toBeGreaterThan(csr.edgeTarget[i - 1]!);
        }
      }),
      { numRuns: 100 },
    );
  });
});
