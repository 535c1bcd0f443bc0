/** The sampled section of the `compare` report (`compare --samples`): intervals and P(A < B) per column. */
import type { CompareSamples } from "../compare/compare-samples.js";
import { percentInterval } from "./intervals.js";
import { markdownCell, markdownTable, textTable } from "./table.js";

/** The section as text or Markdown lines. */
export function compareSamplesSection(s: CompareSamples, md: boolean): string[] {
  const title = `Uncertainty: ${s.samples.n} samples (seed ${s.samples.seed}), ${s.distribution} draws`;
  const note =
    "Served share as median (5th-95th percentile) over the samples; P(A < B) = share of samples in which A is served a smaller share than B.";
  const countries = [...new Set(s.columns.flatMap((c) => Object.keys(c.servedFraction)))];
  const table = md ? markdownTable : textTable;
  const rows = s.columns.map((c) => [
    c.label,
    String(c.inputs),
    ...countries.map((code) => {
      const i = c.servedFraction[code];
      return i ? percentInterval(i.p50, i) : "-";
    }),
    c.below.map((p) => `P(${p.a} < ${p.b}) = ${p.probability.toFixed(2)}`).join("; ") || "-",
  ]);
  const columns = [
    { header: "column" },
    { header: "uncertain inputs", align: "right" as const },
    ...countries.map((code) => ({ header: `${code} served`, align: "right" as const })),
    { header: "probabilities" },
  ];
  return md
    ? [`## ${markdownCell(title)}`, "", note, "", table(columns, rows), ""]
    : [title, note, table(columns, rows), ""];
}
