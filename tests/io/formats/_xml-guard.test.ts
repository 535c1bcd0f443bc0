import { afterEach, describe, expect, it, vi } from "vitest";
import { checkGexfText } from "../../../src/io/formats/gexf.js";
import { checkGraphmlText } from "../../../src/io/formats/graphml.js";
import { parseXmlDocument, refuseDtd } from "../../../src/io/formats/_xml-guard.js";

const XXE = `<?xml version="1.0"?>
<!DOCTYPE gexf [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]>
<gexf version="1.3"><graph defaultedgetype="directed"><nodes><node id="a" label="&xxe;"/></nodes></graph></gexf>`;

/** Ten levels of ten: 10^10 expansions if a parser expanded them. */
const LAUGHS = `<?xml version="1.0"?>
<!DOCTYPE graphml [
 <!ENTITY lol "lol">
${Array.from({ length: 9 }, (_, i) => ` <!ENTITY lol${i + 1} "${`&lol${i === 0 ? "" : i};`.repeat(10)}">`).join("\n")}
]>
<graphml><graph edgedefault="directed"><node id="a"><data key="d0">&lol9;</data></node></graph></graphml>`;

const codes = (r: { problems: Array<{ code: string }> }) => r.problems.map((p) => p.code);

describe("XML guard", () => {
  const errors = vi.spyOn(console, "error");
  const warns = vi.spyOn(console, "warn");
  const logs = vi.spyOn(console, "log");
  afterEach(() => {
    // xmldom prints "[xmldom error]" lines by default; ours collects them instead
    expect(errors).not.toHaveBeenCalled();
    expect(warns).not.toHaveBeenCalled();
    expect(logs).not.toHaveBeenCalled();
  });

  it("refuses a DOCTYPE with an external entity (XXE) before parsing: E_DTD", () => {
    expect(codes(checkGexfText(XXE))).toEqual(["E_DTD"]);
    expect(codes(checkGraphmlText(XXE.replaceAll("gexf", "graphml")))).toEqual(["E_DTD"]);
  });

  it("refuses billion laughs: E_DTD, nothing expanded", () => {
    const r = checkGraphmlText(LAUGHS);
    expect(codes(r)).toEqual(["E_DTD"]);
    expect(r.graph).toBeNull();
    expect(checkGexfText(LAUGHS.replaceAll("graphml", "gexf")).problems[0]?.code).toBe("E_DTD");
  });

  it("refuses any spelling of a declaration, and an ENTITY without DOCTYPE, and names the line", () => {
    expect(refuseDtd("<?xml version='1.0'?>\n<!doctype gexf>\n<gexf/>")?.message).toContain("line 2");
    expect(refuseDtd('<gexf><!ENTITY a "b"></gexf>')?.code).toBe("E_DTD");
    expect(refuseDtd("<gexf><graph/></gexf>")).toBeNull();
  });

  it("refuses a large hostile file in one linear scan (no parse, no expansion)", () => {
    const big = `<!DOCTYPE x [${'<!ENTITY a "'.concat("x".repeat(5_000_000), '">')}]><gexf/>`;
    expect(checkGexfText(big).problems[0]?.code).toBe("E_DTD");
  });

  it("gives E_PARSE for truncated XML, non-XML, wrong root and no <graph>", () => {
    expect(codes(checkGexfText('<gexf version="1.3"><graph><nodes><node id="a"'))).toContain("E_PARSE");
    expect(codes(checkGraphmlText("id,label\na,b\n"))).toEqual(["E_PARSE"]);
    expect(codes(checkGraphmlText('{"nodes": []}'))).toEqual(["E_PARSE"]);
    expect(codes(checkGexfText("<graphml><graph/></graphml>"))).toEqual(["E_PARSE"]);
    expect(codes(checkGexfText("<gexf><meta/></gexf>"))).toEqual(["E_PARSE"]);
    expect(codes(checkGexfText("  \n"))).toEqual(["E_EMPTY_FILE"]);
    expect(codes(checkGexfText('<gexf><graph a="1" a="2"/></gexf>'))).toEqual(["E_PARSE"]);
  });

  it("collects xmldom's non-fatal errors too (an undefined entity) with line and column", () => {
    const r = parseXmlDocument('<gexf>\n<graph label="&nope;"/></gexf>', "gexf");
    expect("problems" in r && r.problems.map((p) => p.code)).toEqual(["E_PARSE"]);
    expect("problems" in r && r.problems[0]?.message).toMatch(/line 2/);
  });
});
