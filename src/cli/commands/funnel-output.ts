import type { FunnelResult, FunnelStepResult } from "../../domain/analytics/funnel-query.js";
import { formatPercent } from "../../domain/funnel.js";

export const FUNNEL_FORMATS = ["table", "json", "csv"] as const;

/** The funnel as `tropa funnel` prints it: JSON (the whole result), CSV (one long table) or a table. */
export function renderFunnel(result: FunnelResult, format: (typeof FUNNEL_FORMATS)[number]): string {
  if (format === "json") return `${JSON.stringify(result, null, 2)}\n`;
  if (format === "csv") return renderCsv(result);
  return renderTable(result);
}

const CSV_HEADER =
  "section,group,step,name,people,conversion_from_previous,conversion_from_start,lost,median_ms,p90_ms";

/**
 * Section `step` is the funnel (with the time to convert from the previous step), `breakdown` one
 * block per value (empty group = property missing), `period` one block per entry period (its UTC start).
 */
function renderCsv(result: FunnelResult): string {
  const lines = [CSV_HEADER];
  const add = (section: string, group: string, steps: FunnelStepResult[], withTimes: boolean) => {
    steps.forEach((step, i) => {
      const time = withTimes ? result.timeToConvert[i - 1] : undefined;
      const cells = [
        section,
        group,
        i + 1,
        step.name,
        step.people,
        step.conversionFromPrevious,
        step.conversionFromStart,
        step.lost,
        time?.medianMs ?? null,
        time?.p90Ms ?? null,
      ];
      lines.push(cells.map(csvCell).join(","));
    });
  };
  add("step", "", result.steps, true);
  for (const group of result.breakdown?.groups ?? []) add("breakdown", group.value ?? "", group.steps, false);
  for (const period of result.overTime?.periods ?? []) {
    add("period", new Date(period.start).toISOString(), periodSteps(result, period.steps), false);
  }
  return `${lines.join("\n")}\n`;
}

/** A period's counts as step rows, so CSV and table show them like the funnel itself. */
function periodSteps(result: FunnelResult, people: number[]): FunnelStepResult[] {
  const first = people[0] ?? 0;
  return result.steps.map((step, k) => {
    const count = people[k] ?? 0;
    const previous = k === 0 ? first : (people[k - 1] ?? 0);
    return {
      name: step.name,
      people: count,
      conversionFromPrevious: previous === 0 ? null : (count / previous) * 100,
      conversionFromStart: first === 0 ? null : (count / first) * 100,
      lost: previous - count,
      target: step.target,
    };
  });
}

function csvCell(value: string | number | null): string {
  const text = value === null ? "" : String(value);
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

function renderTable(result: FunnelResult): string {
  const rows = [
    ["STEP", "NAME", "PEOPLE", "FROM PREVIOUS", "FROM START", "LOST", "MEDIAN TIME", "P90 TIME"],
    ...result.steps.map((step, i) => {
      const time = result.timeToConvert[i - 1];
      return [
        String(i + 1),
        step.name,
        String(step.people),
        formatPercent(step.conversionFromPrevious, "en"),
        formatPercent(step.conversionFromStart, "en"),
        String(step.lost),
        formatElapsed(time?.medianMs ?? null),
        formatElapsed(time?.p90Ms ?? null),
      ];
    }),
  ];
  const lines = alignColumns(rows);
  const barrier = result.keyBarrier.largestLoss;
  if (barrier) {
    lines.push(
      "",
      `Key barrier: ${barrier.fromName} → ${barrier.toName} keeps ${formatPercent(barrier.conversion, "en")} (${barrier.lost} lost)`,
    );
  }
  if (result.excluded > 0) lines.push(`Excluded: ${result.excluded}`);
  lines.push(...breakdownTable(result), ...overTimeTable(result));
  return `${lines.join("\n")}\n`;
}

/** Per value: people at each step and the conversion to the last step. */
function breakdownTable(result: FunnelResult): string[] {
  const breakdown = result.breakdown;
  if (!breakdown) return [];
  const which = breakdown.attribution === "step" ? `step ${breakdown.step}` : `${breakdown.attribution} step`;
  const rows = [
    [breakdown.property.toUpperCase(), ...result.steps.map((s) => s.name.toUpperCase()), "CONVERSION"],
    ...breakdown.groups.map((group) => [
      group.value ?? "(missing)",
      ...group.steps.map((s) => String(s.people)),
      formatPercent(group.steps[group.steps.length - 1]?.conversionFromStart ?? null, "en"),
    ]),
  ];
  return ["", `Breakdown by ${breakdown.property} (${which}):`, ...alignColumns(rows)];
}

/** Per entry period: entered, finished and the conversion. */
function overTimeTable(result: FunnelResult): string[] {
  const overTime = result.overTime;
  if (!overTime) return [];
  const rows = [
    [overTime.interval === "day" ? "DAY" : "WEEK OF", "ENTERED", "CONVERTED", "CONVERSION"],
    ...overTime.periods.map((period) => [
      new Date(period.start).toISOString().slice(0, 10),
      String(period.entered),
      String(period.steps[period.steps.length - 1] ?? 0),
      formatPercent(period.conversion, "en"),
    ]),
  ];
  return ["", `Conversion by ${overTime.interval} of entry (UTC):`, ...alignColumns(rows)];
}

function alignColumns(rows: string[][]): string[] {
  const widths =
    rows[0]?.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? "").length))) ?? [];
  return rows.map((row) =>
    row
      .map((cell, i) => cell.padEnd(widths[i] ?? 0))
      .join("  ")
      .trimEnd(),
  );
}

const ELAPSED_UNITS = [
  ["d", 86_400_000],
  ["h", 3_600_000],
  ["m", 60_000],
  ["s", 1000],
] as const;

/**
 * A duration in its two largest units, rounded down; "—" for none.
 * @example formatElapsed(93_784_000) → "1d 2h"; formatElapsed(45_000) → "45s"; formatElapsed(250) → "250ms"
 */
function formatElapsed(ms: number | null): string {
  if (ms === null) return "—";
  if (ms < 1000) return `${ms}ms`;
  const parts: string[] = [];
  let rest = ms;
  for (const [unit, size] of ELAPSED_UNITS) {
    const amount = Math.floor(rest / size);
    rest -= amount * size;
    if (amount > 0 || parts.length > 0) parts.push(`${amount}${unit}`);
  }
  return parts
    .slice(0, 2)
    .filter((part) => !/^0\D/.test(part))
    .join(" ");
}
