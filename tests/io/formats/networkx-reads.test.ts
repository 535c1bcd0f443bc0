/**
 * The other direction of interop: what we write, networkx (and so Python's expat) reads. One Python process for
 * both formats, since importing networkx takes seconds. Needs networkx for a python3 on the PATH or Debian's /usr/bin/python3 (.ci/run installs python3-networkx when
 * neither has it): without it the test fails, it does not skip.
 */
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { writeGexf } from "../../../src/io/formats/gexf.js";
import { writeGraphml } from "../../../src/io/formats/graphml.js";
import { richGraph } from "./_rich-graph.js";

/** The first Python that has networkx (the image's own python3, else Debian's); "python3" to fail loudly. */
const PYTHON =
  ["python3", "/usr/bin/python3"].find((p) => spawnSync(p, ["-c", "import networkx"]).status === 0) ??
  "python3";

const SCRIPT = `
import sys, io, json, networkx as nx
docs = json.load(sys.stdin)
for name, text in (("gexf", docs["gexf"]), ("graphml", docs["graphml"])):
    read = nx.read_gexf if name == "gexf" else nx.read_graphml
    G = read(io.BytesIO(text.encode("utf-8")))
    n = G.nodes["0012"]
    print(name, G.number_of_nodes(), G.number_of_edges(), G.is_directed(), type(n["capacity"]).__name__, n["since"], G.nodes["ref-a"]["label"])
`;

describe("networkx reads what we write", () => {
  it("GEXF and GraphML, typed, with control characters removed", () => {
    const g = richGraph();
    g.setNodeAttribute("ref-a", "label", "ctl\u0001\u0002 label");
    const py = spawnSync(PYTHON, ["-c", SCRIPT], {
      input: JSON.stringify({ gexf: writeGexf(g), graphml: writeGraphml(g) }),
      encoding: "utf8",
    });
    expect(py.stderr).toBe("");
    expect(py.stdout.trim().split("\n")).toEqual([
      "gexf 8 6 True float 1957 ctl label",
      "graphml 8 6 True float 1957 ctl label",
    ]);
  });
});
