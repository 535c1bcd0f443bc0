#!/usr/bin/python3
"""Reference timings for `npm run bench`: the same supply-reachability and dominator-tree work as chokepoint's
analysis, with graph-tool, python-igraph or networkx (Debian packages python3-graph-tool, python3-igraph,
python3-networkx), on the TSV export of a generated graph (`nodes.tsv`: index, tier, country; `edges.tsv`:
source, target). Calls as in /work/shared/reference/perf-anchors.md:

  (a) drop every CN node, count consumers unreachable from a super-source that feeds every mine:
      graph-tool GraphView(vfilt) + label_out_component; igraph induced_subgraph + subcomponent;
      networkx restricted_view + descendants.
  (d) immediate dominators from the super-source: graph-tool dominator_tree; igraph dominator;
      networkx immediate_dominators.

Each cell is the median of 9/5/3/1 runs (first run under 0.2 s / 2 s / 20 s / longer) and returns a checksum
so the libraries can be seen to agree. Prints one JSON object on stdout.

With --passes (graph-tool only), also the counterparts of analyze's other passes, for the side-by-side table
of tests/bench/passes.mjs:
  routes: two shortest_distance calls from the super-source with predecessor maps (before: the whole graph;
      after: the GraphView without CN), integer weights 1-100 from a seeded generator (the TSV has no lead times);
  betweenness200: betweenness(pivots=200 seeded random vertices), unweighted (hop counts, as chokepoint's);
  percolation4: vertex_percolation for four seeded random removal orders (chokepoint's attack curves: four).

usage: py_bench.py <graph-tool|igraph|networkx> <dir with nodes.tsv and edges.tsv> [--passes]
"""
import gc
import json
import resource
import statistics
import sys
import time

import numpy as np

LIB, DIR = sys.argv[1], sys.argv[2]
MINE, CONSUMER = 0, 4


def read_tsv():
    with open(f"{DIR}/nodes.tsv", "rb") as f:
        rows = f.read().split()
    tier = np.array(rows[1::3], dtype=np.int8)
    country = np.array(rows[2::3])
    with open(f"{DIR}/edges.tsv", "rb") as f:
        edges = np.array(f.read().split(), dtype=np.int64).reshape(-1, 2)
    n = len(tier)
    root = n  # the super-source
    mines = np.nonzero(tier == MINE)[0]
    edges = np.concatenate([edges, np.stack([np.full(len(mines), root), mines], axis=1)])
    return n, root, tier, country == b"CN", edges


def repeat(fn):
    """Median wall and CPU (process_time: user + system) seconds, run count, value. A full collection before
    each run, outside the timer, as passes-child.mjs does."""
    gc.collect()
    t0, c0 = time.perf_counter(), time.process_time()
    value = fn()
    first = time.perf_counter() - t0
    cpus = [time.process_time() - c0]
    runs = 9 if first < 0.2 else 5 if first < 2 else 3 if first < 20 else 1
    times = [first]
    for _ in range(runs - 1):
        gc.collect()
        t0, c0 = time.perf_counter(), time.process_time()
        fn()
        times.append(time.perf_counter() - t0)
        cpus.append(time.process_time() - c0)
    return statistics.median(times), statistics.median(cpus), len(times), value


def dom_checksum(idom, root, n):
    """(sum of idom, count) over nodes other than the root whose immediate dominator is not the root."""
    total, count = 0, 0
    for v in range(n):
        d = idom[v]
        if d is not None and d >= 0 and d != root and d != v:
            total += int(d)
            count += 1
    return [total, count]


if LIB == "graph-tool":
    import graph_tool.all as gt
elif LIB == "igraph":
    import igraph as ig
elif LIB == "networkx":
    import networkx as nx
else:
    sys.exit(f"unknown library {LIB}")

# load = read the TSV and build the library's graph (the import of the library is not counted)
t0, c0 = time.perf_counter(), time.process_time()
n, root, tier, is_cn, edges = read_tsv()
consumers = np.nonzero(tier == CONSUMER)[0]

if LIB == "graph-tool":
    gt.openmp_set_num_threads(1)
    g = gt.Graph(directed=True)
    g.add_vertex(n + 1)
    g.add_edge_list(edges)
    load, load_cpu = time.perf_counter() - t0, time.process_time() - c0
    keep = g.new_vertex_property("bool")
    keep.a = np.append(~is_cn, True)

    def reach():
        view = gt.GraphView(g, vfilt=keep)
        comp = gt.label_out_component(view, view.vertex(root))
        return int(np.count_nonzero(comp.a[consumers] == 0))

    def dom():
        tree = gt.dominator_tree(g, g.vertex(root))
        return dom_checksum(tree.a.tolist(), root, n)

elif LIB == "igraph":
    g = ig.Graph(n=n + 1, edges=edges.tolist(), directed=True)
    load, load_cpu = time.perf_counter() - t0, time.process_time() - c0
    keep = np.nonzero(np.append(~is_cn, True))[0].tolist()

    def reach():
        sub = g.induced_subgraph(keep)
        # induced_subgraph keeps the order of the kept vertices, so the root is the last one
        reached = np.zeros(len(keep), dtype=bool)
        reached[sub.subcomponent(len(keep) - 1, mode="out")] = True
        new_index = np.full(n + 1, -1)
        new_index[keep] = np.arange(len(keep))
        c = new_index[consumers]
        return int(np.count_nonzero(c < 0) + np.count_nonzero(~reached[c[c >= 0]]))

    def dom():
        return dom_checksum(g.dominator(root, mode="out"), root, n)

else:
    g = nx.DiGraph()
    g.add_nodes_from(range(n + 1))
    g.add_edges_from(edges.tolist())
    load, load_cpu = time.perf_counter() - t0, time.process_time() - c0
    removed = np.nonzero(is_cn)[0].tolist()

    def reach():
        view = nx.restricted_view(g, removed, [])
        reached = nx.descendants(view, root)
        return sum(1 for c in consumers.tolist() if c not in reached)

    def dom():
        idom = nx.immediate_dominators(g, root)
        return dom_checksum([idom.get(v) for v in range(n)], root, n)

a_time, a_cpu, a_runs, a_value = repeat(reach)
d_time, d_cpu, d_runs, d_value = repeat(dom)
passes = {}
if "--passes" in sys.argv and LIB == "graph-tool":
    rng = np.random.default_rng(42)
    weight = g.new_edge_property("int32_t")
    weight.a = rng.integers(1, 101, g.num_edges())

    def routes():
        view = gt.GraphView(g, vfilt=keep)
        before, _ = gt.shortest_distance(g, g.vertex(root), weights=weight, pred_map=True)
        after, _ = gt.shortest_distance(view, view.vertex(root), weights=weight, pred_map=True)
        return int(np.count_nonzero(before.a < 2**31 - 1)) + int(np.count_nonzero(after.a < 2**31 - 1))

    pivots = rng.choice(n + 1, size=200, replace=False)

    def betweenness():
        vb, _ = gt.betweenness(g, pivots=[g.vertex(int(v)) for v in pivots])
        return float(vb.a.sum())

    orders = [rng.permutation(n + 1) for _ in range(4)]

    def percolation():
        return [int(gt.vertex_percolation(g, order)[0][-1]) for order in orders]

    for name, fn in [("routes", routes), ("betweenness200", betweenness), ("percolation4", percolation)]:
        wall, cpu_s, runs, value = repeat(fn)
        passes[name] = {"wall": wall, "cpu": cpu_s, "runs": runs, "value": value}
print(
    json.dumps(
        {
            "library": LIB,
            "nodes": n,
            "edges": int(len(edges)) - int(np.count_nonzero(tier == MINE)),
            "load": load,
            "loadCpu": load_cpu,
            "reachCpu": a_cpu,
            "dominatorsCpu": d_cpu,
            "reach": a_time,
            "reachRuns": a_runs,
            "unreachableConsumers": a_value,
            "dominators": d_time,
            "dominatorRuns": d_runs,
            "dominatorChecksum": d_value,
            "peakMB": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
            "passes": passes,
        }
    )
)
