import type { LeverContributions, LeverOutcome, OutcomeDelta } from "../compare/lever-contributions.js";
import type { MirrorLevers } from "../compare/mirror-levers.js";
import type { LeverSamples } from "../compare/lever-samples.js";
import type { ProjectRanking } from "../compare/project-ranking.js";
import { leverSamplesSection } from "./lever-samples.js";
import { type BarDatum, type ChartProvenance, horizontalBarSpec, renderSvg } from "./charts.js";
import {
  type Column,
  markdownCell,
  markdownTable,
  percent,
  quantity,
  stableJson,
  textTable,
} from "./table.js";

import {
  type ChartFile,
  type CompareFormat,
  days,
  money,
  pp,
  type RenderedReport,
  signed,
  signedMoney,
} from "./_compare-cells.js";

/** Everything `chokepoint levers` reports. */
export interface LeversReport {
  schema: 1;
  file: string;
  year: number | null;
  currency: string | null;
  contributions: LeverContributions;
  /** null when the mirror country is the lever country. */
  mirror: MirrorLevers | null;
  /** Pipeline rankings under the scenario, one per country asked for. */
  projects: ProjectRanking[];
  /** `levers --samples`: the pillars' gains as intervals and how often each ranks first. */
  uncertainty?: LeverSamples;
}

function outcomeCells(o: LeverOutcome, currency: string | null): string[] {
  return [percent(o.servedFraction), days(o.timeToSurviveDays), money(o.losses365, currency)];
}

/** A gain (better − worse): served and days as they are, losses turned into "loss avoided". */
function deltaCells(d: OutcomeDelta, currency: string | null): string[] {
  return [
    pp(d.servedFraction),
    d.timeToSurviveDays === null ? "-" : signed(d.timeToSurviveDays, `${quantity(d.timeToSurviveDays)} d`),
    signedMoney(-d.losses365, currency),
  ];
}

function leverTables(r: LeversReport) {
  const c = r.contributions;
  const cur = r.currency;
  const lever: { columns: Column[]; rows: string[][] } = {
    columns: [
      { header: "pillar" },
      { header: "served w/o", align: "right" },
      { header: "survives w/o", align: "right" },
      { header: "loss 365 d w/o", align: "right" },
      { header: "adds: served", align: "right" },
      { header: "days", align: "right" },
      { header: "loss avoided", align: "right" },
      { header: "served alone", align: "right" },
      { header: "alone: served", align: "right" },
      { header: "days", align: "right" },
      { header: "loss avoided", align: "right" },
    ],
    rows: [
      ["(all pillars)", ...outcomeCells(c.allKept, cur), "", "", "", "", "", "", ""],
      ["(no pillar)", ...outcomeCells(c.noneKept, cur), "", "", "", "", "", "", ""],
      ...c.levers.map((l) => [
        l.pillar,
        ...outcomeCells(l.takenAway, cur),
        ...deltaCells(l.marginal, cur),
        percent(l.keptAlone.servedFraction),
        ...deltaCells(l.standalone, cur),
      ]),
    ],
  };
  const changes: { columns: Column[]; rows: string[][] } = {
    columns: [
      { header: "lever" },
      { header: "nodes removed", align: "right" },
      { header: "edges cut", align: "right" },
      { header: "nodes edited", align: "right" },
      { header: "edges added", align: "right" },
    ],
    rows: c.changes.map((ch) => [
      ch.lever,
      String(ch.removedNodes.length),
      String(ch.cutEdges.length),
      String(ch.editedNodes.length),
      String(ch.addedEdges.length),
    ]),
  };
  const mirror = r.mirror
    ? {
        columns: [
          { header: `${r.mirror.from} lever for ${r.mirror.to}` },
          { header: "what it does" },
          { header: "served", align: "right" as const },
          { header: "survives", align: "right" as const },
          { header: "loss 365 d", align: "right" as const },
          { header: "adds: served", align: "right" as const },
          { header: "days", align: "right" as const },
          { header: "loss avoided", align: "right" as const },
        ],
        rows: [
          ["(as it is)", "", ...outcomeCells(r.mirror.baseline, cur), "", "", ""],
          ...r.mirror.items.map((i) => [
            i.pillar,
            i.description,
            ...outcomeCells(i.outcome, cur),
            ...deltaCells(i.gain, cur),
          ]),
        ],
      }
    : null;
  const projects = r.projects.map((p) => ({
    ranking: p,
    columns: [
      { header: "step" },
      { header: "project" },
      { header: "country" },
      { header: "stage" },
      { header: "status" },
      { header: "due", align: "right" as const },
      { header: `gain (${"t/yr"})`, align: "right" as const },
      { header: `${p.country} served`, align: "right" as const },
    ],
    rows: [
      ["0", "(no pipeline project)", "", "", "", "", "", percent(p.baseFraction)],
      ...p.greedy.map((s, k) => [
        String(k + 1),
        s.with.length ? `${s.id} (+ ${s.with.join(", ")})` : s.id,
        s.country,
        s.stage,
        s.status,
        s.since === null ? "-" : String(s.since),
        quantity(s.gain),
        percent(s.servedFraction),
      ]),
    ],
    single: {
      columns: [
        { header: "project alone" },
        { header: "country" },
        { header: "due", align: "right" as const },
        { header: `gain (t/yr)`, align: "right" as const },
      ],
      rows: p.single
        .filter((s) => s.gain > 1e-9)
        .map((s) => [
          s.with.length ? `${s.id} (+ ${s.with.join(", ")})` : s.id,
          s.country,
          s.since === null ? "-" : String(s.since),
          quantity(s.gain),
        ]),
    },
  }));
  return { lever, changes, mirror, projects };
}

/** The levers charts: each pillar's contribution, and the pipeline projects' gains. */
export async function leverCharts(r: LeversReport): Promise<ChartFile[]> {
  const c = r.contributions;
  const p: ChartProvenance = {
    dataFile: r.file,
    scenario: `${c.scenario} (${c.objective})`,
    date: String(r.year ?? "n/a"),
  };
  const bars: BarDatum[] = c.levers.flatMap((l) => [
    {
      group: l.pillar,
      series: "what it adds to the others (all − taken away)",
      value: l.marginal.servedFraction,
    },
    { group: l.pillar, series: "what it does alone (kept alone − none)", value: l.standalone.servedFraction },
  ]);
  const title = `${c.country}: what each pillar adds to served demand`;
  const charts: ChartFile[] = [
    {
      name: "levers",
      title,
      svg: await renderSvg(
        horizontalBarSpec(
          bars,
          {
            title,
            xTitle: `change in ${c.country}'s served demand (percentage points of its demand)`,
            yTitle: "pillar",
            seriesTitle: "measured as",
            percent: true,
          },
          p,
        ),
      ),
    },
  ];
  const timeBars: BarDatum[] = c.levers.flatMap((l) => [
    {
      group: l.pillar,
      series: "what it adds to the others (all − taken away)",
      value: l.marginal.timeToSurviveDays ?? 0,
    },
    {
      group: l.pillar,
      series: "what it does alone (kept alone − none)",
      value: l.standalone.timeToSurviveDays ?? 0,
    },
  ]);
  const timeTitle = `${c.country}: days of shortfall each pillar's stocks and supply bridge`;
  charts.push({
    name: "time",
    title: timeTitle,
    svg: await renderSvg(
      horizontalBarSpec(
        timeBars,
        {
          title: timeTitle,
          xTitle: `change in ${c.country}'s time-to-survive (days)`,
          yTitle: "pillar",
          seriesTitle: "measured as",
        },
        p,
      ),
    ),
  });
  const projectBars: BarDatum[] = r.projects.flatMap((rank) =>
    rank.single
      .filter((s) => s.gain > 1e-9)
      .slice(0, 8)
      .map((s) => ({ group: s.id, series: rank.country, value: s.gain / (rank.demand || 1) })),
  );
  if (projectBars.length) {
    const ptitle = "Pipeline projects: served demand each adds alone";
    charts.push({
      name: "projects",
      title: ptitle,
      svg: await renderSvg(
        horizontalBarSpec(
          projectBars,
          {
            title: ptitle,
            xTitle: "served demand gained (percentage points of the country's demand)",
            yTitle: "project (graph node id)",
            seriesTitle: "country",
            percent: true,
          },
          p,
        ),
      ),
    });
  }
  return charts;
}

/** Render the levers report. */
export async function formatLevers(
  r: LeversReport,
  format: CompareFormat,
  chartPrefix = "levers",
): Promise<RenderedReport> {
  if (format === "json") return { text: stableJson(r), charts: [] };
  const t = leverTables(r);
  const c = r.contributions;
  const source = `data: ${r.file} (data year ${r.year ?? "n/a"}); scenario: ${c.scenario}; objective: ${c.objective}`;
  const md = format === "md";
  const table = md ? markdownTable : textTable;
  const h = (text: string) => (md ? `## ${text}` : `${text}\n${"=".repeat(text.length)}`);
  const parts: string[] = [
    md
      ? `# ${c.country}'s pillars under ${markdownCell(c.scenario)}`
      : `${c.country}'s pillars under ${c.scenario}`,
    "",
    md ? `_${markdownCell(source)}_` : source,
    "",
    h(`Each pillar taken away alone, and kept alone (${c.country})`),
    "",
    table(t.lever.columns, t.lever.rows),
    "",
    ...(r.uncertainty ? leverSamplesSection(r.uncertainty, md) : []),
    h("What each lever changes in the graph"),
    "",
    table(t.changes.columns, t.changes.rows),
    "",
  ];
  if (t.mirror && r.mirror) {
    parts.push(
      h(`What ${r.mirror.from}'s levers would buy ${r.mirror.to}`),
      "",
      `${r.mirror.from} stock cover ${quantity(r.mirror.stockpileDays)} days of demand; HRE-free share of ${r.mirror.from}'s magnet output ${percent(r.mirror.hreFreeShare)}.`,
      "",
      table(t.mirror.columns, t.mirror.rows),
      "",
    );
  }
  for (const p of t.projects) {
    parts.push(
      h(`Pipeline projects for ${p.ranking.country}, greedy (one project at a time)`),
      "",
      table(p.columns, p.rows),
      "",
      table(
        p.single.columns,
        p.single.rows.length ? p.single.rows : [["(no project adds anything alone)", "", "", ""]],
      ),
      "",
    );
  }
  const charts = md ? await leverCharts(r) : [];
  for (const ch of charts) parts.push(`![${markdownCell(ch.title)}](${chartPrefix}-${ch.name}.svg)`, "");
  return { text: parts.join("\n"), charts };
}
