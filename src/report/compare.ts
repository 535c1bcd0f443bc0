/**
 * `compare` and `levers` reports as text, Markdown (with SVG charts beside it) or JSON. Pure: the charts come
 * back as `{name, svg}` for the CLI to write next to the Markdown file.
 */
import type { Comparison } from "../compare/compare.js";
import type { CountryMetrics } from "../compare/country-metrics.js";
import type { LeverContributions, LeverOutcome, OutcomeDelta } from "../compare/lever-contributions.js";
import type { MirrorLevers } from "../compare/mirror-levers.js";
import type { ProjectRanking } from "../compare/project-ranking.js";
import {
  type BarDatum,
  type ChartProvenance,
  groupedBarSpec,
  horizontalBarSpec,
  type LineDatum,
  lineSpec,
  renderSvg,
} from "./charts.js";
import {
  type Column,
  markdownCell,
  markdownTable,
  percent,
  quantity,
  stableJson,
  textTable,
} from "./table.js";

export type CompareFormat = "text" | "md" | "json";

/** A chart to write beside a Markdown report: `name` is a file-name suffix, e.g. `served`. */
export interface ChartFile {
  name: string;
  title: string;
  svg: string;
}

/** A rendered report: the text, and (Markdown only) the charts it links to as `<prefix>-<name>.svg`. */
export interface RenderedReport {
  text: string;
  charts: ChartFile[];
}

const OBJECTIVES = ["max-total", "max-min", "proportional"] as const;

function top(shares: Record<string, number>, n = 3): string {
  const list = Object.entries(shares)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, n)
    .map(([c, f]) => `${c} ${percent(f)}`);
  return list.length ? list.join(", ") : "-";
}

const days = (d: number | null) => (d === null ? "not short" : `${quantity(d)} d`);
/** A change with its sign; a value that rounds to zero shows as zero, never "-0" or "+0.0". */
const signed = (v: number, text: string) => {
  const unsigned = text.replace(/^[-+]/, "");
  if (/^0(\.0+)?(?![\d.,])/.test(unsigned)) return unsigned;
  return v > 0 ? `+${unsigned}` : v < 0 ? `-${unsigned}` : unsigned;
};
const pp = (v: number) => signed(v, `${(v * 100).toFixed(1)} pp`);
const money = (v: number, currency: string | null) =>
  `${quantity(v / 1e6)} m${currency ? ` ${currency}` : ""}`;
const signedMoney = (v: number, currency: string | null) => signed(v, money(v, currency));

/** The metric rows of one country's column. */
function metricCells(m: CountryMetrics, currency: string | null): string[] {
  const stages = ["mine", "refinery", "metal", "magnet"];
  return [
    String(m.consumers),
    quantity(m.demand),
    ...OBJECTIVES.map((o) => percent(m.servedFraction[o] ?? 0)),
    percent(m.servedFirst),
    String(m.cutOff.length),
    String(m.singlePointsAbroad.length),
    m.singlePointsAbroad[0] ? `${m.singlePointsAbroad[0].id} (${m.singlePointsAbroad[0].country})` : "-",
    String(m.countryFailureSetsAbroad.length),
    m.countryFailureSetsAbroad.length
      ? m.countryFailureSetsAbroad
          .slice(0, 3)
          .map((s) => s.countries.join("+"))
          .join(", ")
      : "-",
    top(m.importShares),
    top(m.lookThrough.mine ?? {}),
    top(m.lookThrough.refinery ?? {}),
    ...stages.map((s) => (m.supplierHhi[s] === undefined ? "-" : m.supplierHhi[s].toFixed(0))),
    quantity(m.stockpileDays),
    days(m.timeToSurviveDays),
    quantity(m.shortfall),
    m.losses ? money(m.losses.days90, currency) : "-",
    m.losses ? money(m.losses.days365, currency) : "-",
    m.robustness === null ? "-" : m.robustness.toFixed(3),
  ];
}

function metricLabels(units: string): string[] {
  return [
    "consumers",
    `demand (${units})`,
    "served, max-total",
    "served, max-min",
    "served, proportional",
    "served if served first",
    "consumers cut off",
    "single points of failure abroad",
    "largest single point abroad",
    "country failure sets abroad",
    "smallest sets (up to 3)",
    "imports by origin (top 3)",
    "mined origin (look-through)",
    "separated origin (look-through)",
    "supplier HHI, mine",
    "supplier HHI, refinery",
    "supplier HHI, metal",
    "supplier HHI, magnet",
    "stock cover (days of demand)",
    "time-to-survive (max-total)",
    `shortfall (${units})`,
    "loss, 90-day cut-off",
    "loss, 365-day cut-off",
    "robustness R (0-1)",
  ];
}

function changeCells(c: Comparison["change"][number], currency: string | null): string[] {
  const blank = "";
  return [
    blank,
    blank,
    ...OBJECTIVES.map((o) => (c.servedFraction[o] === undefined ? "-" : pp(c.servedFraction[o]))),
    pp(c.servedFirst),
    signed(c.consumersCutOff, String(c.consumersCutOff)),
    signed(c.singlePointsAbroad, String(c.singlePointsAbroad)),
    blank,
    signed(c.countryFailureSetsAbroad, String(c.countryFailureSetsAbroad)),
    blank,
    blank,
    blank,
    blank,
    blank,
    blank,
    blank,
    blank,
    signed(c.stockpileDays, `${quantity(c.stockpileDays)} d`),
    c.timeToSurviveDays === null ? "-" : signed(c.timeToSurviveDays, `${quantity(c.timeToSurviveDays)} d`),
    signed(c.shortfall, quantity(c.shortfall)),
    c.losses90 === null ? "-" : signedMoney(c.losses90, currency),
    c.losses365 === null ? "-" : signedMoney(c.losses365, currency),
    c.robustness === null ? "-" : signed(c.robustness, c.robustness.toFixed(3)),
  ];
}

/** A titled table: a row per metric. */
export interface MetricTable {
  /** The country the table is about, or null for a table of countries side by side. */
  country: string | null;
  columns: Column[];
  rows: string[][];
}

/**
 * The comparison as tables with a row per metric: with one column, a single table of countries side by side;
 * with several, one table per country with a column per graph/scenario and the change from first to last.
 */
export function comparisonTables(c: Comparison): MetricTable[] {
  const units = c.columns[0]?.units ?? "t/yr";
  const currency = c.columns[0]?.currency ?? null;
  const labels = metricLabels(units);
  const build = (country: string | null, heads: string[], cells: string[][]): MetricTable => ({
    country,
    columns: [{ header: "metric" }, ...heads.map((header) => ({ header, align: "right" as const }))],
    rows: labels.map((label, r) => [label, ...cells.map((col) => col[r]!)]),
  });
  if (c.columns.length === 1)
    return [
      build(
        null,
        c.countries,
        c.countries.map((_, k) => metricCells(c.metrics[0]![k]!, currency)),
      ),
    ];
  return c.countries.map((country, k) =>
    build(
      country,
      [...c.columns.map((col) => col.label), "change"],
      [
        ...c.columns.map((_, i) => metricCells(c.metrics[i]![k]!, currency)),
        changeCells(c.change[k]!, currency),
      ],
    ),
  );
}

function details(c: Comparison, md: boolean): string[] {
  const lines: string[] = [];
  const esc = (s: string) => (md ? markdownCell(s) : s);
  c.columns.forEach((col, i) => {
    c.countries.forEach((country, k) => {
      const m = c.metrics[i]![k]!;
      const head = `${country}, ${col.label}`;
      const cut = m.cutOff.length ? m.cutOff.join(", ") : "none";
      const spof = m.singlePointsAbroad.length
        ? m.singlePointsAbroad
            .map((p) => `${p.id} (${p.country}; cuts ${p.consumers.join(", ")}, ${quantity(p.demand)} t/yr)`)
            .join("; ")
        : "none";
      const sets = m.countryFailureSetsAbroad.length
        ? m.countryFailureSetsAbroad
            .map((x) => `${x.countries.join("+")} (cuts ${x.consumers.join(", ")})`)
            .join("; ")
        : "none";
      lines.push(
        md
          ? `- **${esc(head)}**: cut off: ${esc(cut)}. Single points of failure abroad: ${esc(spof)}. Country failure sets abroad: ${esc(sets)}.`
          : `${head}`,
      );
      if (!md)
        lines.push(
          `  cut off: ${cut}`,
          `  single points of failure abroad: ${spof}`,
          `  country failure sets abroad: ${sets}`,
        );
    });
  });
  return lines;
}

function provenance(c: Comparison): ChartProvenance {
  const files = [...new Set(c.columns.map((col) => col.file))].join(", ");
  const scenarios = [...new Set(c.columns.map((col) => col.scenario))].join(", ");
  const years = [...new Set(c.columns.map((col) => col.year ?? "n/a"))].join(", ");
  return { dataFile: files, scenario: scenarios, date: years };
}

/** The compare charts: served demand by country and column, and the countries' attack curves. */
export async function comparisonCharts(c: Comparison): Promise<ChartFile[]> {
  const p = provenance(c);
  const bars: BarDatum[] = [];
  const lines: LineDatum[] = [];
  c.columns.forEach((col, i) => {
    c.countries.forEach((country, k) => {
      const m = c.metrics[i]![k]!;
      const group = c.columns.length === 1 ? country : `${country} · ${col.label}`;
      for (const o of OBJECTIVES) bars.push({ group, series: o, value: m.servedFraction[o] ?? 0 });
      // Once served demand is zero it stays zero: draw two steps of the tail, not dozens.
      const zero = m.attackCurve.indexOf(0);
      const shown = zero < 0 ? m.attackCurve : m.attackCurve.slice(0, zero + 3);
      shown.forEach((y, x) => {
        lines.push({ series: group, x, y });
      });
    });
  });
  const charts: ChartFile[] = [];
  const servedTitle = "Share of demand served, by country and objective";
  charts.push({
    name: "served",
    title: servedTitle,
    svg: await renderSvg(
      groupedBarSpec(
        bars,
        {
          title: servedTitle,
          xTitle: c.columns.length === 1 ? "country (ISO 3166 code)" : "country · graph and scenario",
          yTitle: "served demand (% of the country's demand)",
          seriesTitle: "objective",
          percent: true,
          width: Math.max(360, Math.min(900, bars.length * 30)),
        },
        p,
      ),
    ),
  });
  if (lines.length) {
    const attackTitle = "Attack curves: demand still served as facilities fail, most damaging first";
    charts.push({
      name: "attack",
      title: attackTitle,
      svg: await renderSvg(
        lineSpec(
          lines,
          {
            title: attackTitle,
            xTitle: "facilities removed (count, in order of the served demand each costs alone)",
            yTitle: "served demand (% of the country's demand)",
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

/**
 * Render a comparison. `chartPrefix` is the base name the Markdown links charts by (`<prefix>-served.svg`).
 */
export async function formatComparison(
  c: Comparison,
  format: CompareFormat,
  chartPrefix = "compare",
): Promise<RenderedReport> {
  if (format === "json") return { text: stableJson(c), charts: [] };
  const tables = comparisonTables(c);
  const p = provenance(c);
  const source = `data: ${p.dataFile}; scenario: ${p.scenario}; data year ${p.date}`;
  if (format === "text") {
    return {
      text: [
        `Resilience compared (${c.countries.join(", ")}) - ${source}`,
        "",
        ...tables.flatMap((t) => [...(t.country ? [t.country] : []), textTable(t.columns, t.rows), ""]),
        ...details(c, false),
        "",
      ].join("\n"),
      charts: [],
    };
  }
  const charts = await comparisonCharts(c);
  return {
    text: [
      `# Resilience compared: ${markdownCell(c.countries.join(", "))}`,
      "",
      `_${markdownCell(source)}_`,
      "",
      ...tables.flatMap((t) => [
        ...(t.country ? [`## ${t.country}`, ""] : []),
        markdownTable(t.columns, t.rows),
        "",
      ]),
      ...charts.map((ch) => `![${markdownCell(ch.title)}](${chartPrefix}-${ch.name}.svg)\n`),
      "## Details",
      "",
      ...details(c, true),
      "",
    ].join("\n"),
    charts,
  };
}

// ------------------------------------------------------------------------------------------------ levers

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
