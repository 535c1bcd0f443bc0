/** The sampled section of the `levers` report (`levers --samples`): gain intervals and how often each ranks first. */
import type { LeverSamples } from "../compare/lever-samples.js";
import { pp } from "./_compare-cells.js";
import { percentInterval } from "./intervals.js";
import { markdownTable, textTable } from "./table.js";

/** The section as text or Markdown lines. */
export function leverSamplesSection(s: LeverSamples, md: boolean): string[] {
  const title = `How sure is the ranking? ${s.samples.n} samples (seed ${s.samples.seed}), ${s.distribution} draws`;
  const note =
    `${s.country} served with every pillar: ${percentInterval(s.allKept.p50, s.allKept)} (median, 5th-95th percentile). ` +
    "Gain: served share with every pillar minus with this one taken away; ranks first: share of samples in which its gain is the largest (ties split).";
  const rows = s.levers.map((l) => [
    l.pillar,
    `${pp(l.marginal.p50)} (${pp(l.marginal.p05)} to ${pp(l.marginal.p95)})`,
    `${(l.first * 100).toFixed(1)}%`,
  ]);
  const columns = [
    { header: "pillar" },
    { header: "gain, median (5th to 95th)", align: "right" as const },
    { header: "ranks first", align: "right" as const },
  ];
  const table = (md ? markdownTable : textTable)(columns, rows);
  return md
    ? [`## ${title}`, "", note, "", table, ""]
    : [title, "=".repeat(title.length), note, "", table, ""];
}
