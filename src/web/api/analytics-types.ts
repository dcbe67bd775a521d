import type { PropertyCondition } from "../../domain/analytics/event-matcher.js";
import type { FunnelQuery, FunnelResult, FunnelStepResult } from "../../domain/analytics/funnel-query.js";
import type { PathsResult } from "../../domain/analytics/paths-query.js";

/*
 * Answers of the analytics HTTP API (CONTRACT.md "HTTP API"). The funnel additions (time to convert,
 * breakdown, conversion over time) and the comparison are typed here until the domain schema has them;
 * every addition is optional so an older server still renders.
 */

export type { PathsResult, PropertyCondition };

export interface SourceSummary {
  source: string;
  events: number;
  people: number;
  firstTime: number | null;
  lastTime: number | null;
}

export interface EventSummary {
  events: number;
  people: number;
  firstTime: number | null;
  lastTime: number | null;
  sources: SourceSummary[];
  eventNames: { event: string; people: number; events: number }[];
}

export interface PropertyInfo {
  name: string;
  examples: string[];
}

export interface ColumnMapping {
  person: string;
  time: string;
  event: string;
}

export interface ImportProblem {
  location: string;
  reason: string;
}

export interface PreviewEvent {
  person: string;
  time: number;
  event: string;
  properties: Record<string, unknown>;
  source: string;
  id: string | null;
}

export interface ImportPreview {
  format: string;
  columns: string[];
  rows: string[][];
  mapping: ColumnMapping | null;
  events: PreviewEvent[];
  problems: ImportProblem[];
}

export interface ImportJob {
  id: string;
  filename: string;
  state: "running" | "done" | "failed";
  bytesRead: number;
  totalBytes: number;
  events: number;
  inserted: number;
  duplicates: number;
  rejected: number;
  errors: ImportProblem[];
  startedAt: string | number;
  finishedAt: string | number | null;
}

export const IMPORT_PRESETS = [
  "ga4",
  "metrica",
  "segment",
  "amocrm",
  "bitrix24",
  "calltouch",
  "comagic",
  "roistat",
  "xes",
] as const;
export type ImportPreset = (typeof IMPORT_PRESETS)[number];

export interface ImportOptions {
  preset?: ImportPreset;
  mapping?: ColumnMapping;
  skipInvalid?: boolean;
}

export interface TimeToConvert {
  fromStep: number;
  toStep: number;
  people: number;
  medianMs: number | null;
  p90Ms: number | null;
  histogram: { fromMs: number; toMs: number; people: number }[];
}

export type Attribution = "first" | "last" | "step";

export interface BreakdownRequest {
  property: string;
  attribution: Attribution;
  step?: number;
  limit?: number;
}

export interface FunnelBreakdown {
  property: string;
  attribution: Attribution;
  step: number | null;
  groups: { value: string | null; steps: FunnelStepResult[] }[];
}

export type Interval = "day" | "week";

export interface FunnelOverTime {
  interval: Interval;
  periods: { start: number; entered: number; steps: number[]; conversion: number | null }[];
}

export type MapFunnelResult = FunnelResult & {
  timeToConvert?: TimeToConvert[];
  breakdown?: FunnelBreakdown | null;
  overTime?: FunnelOverTime | null;
};

export interface MapFunnelRequest {
  personaId?: string;
  from?: number;
  to?: number;
  breakdown?: BreakdownRequest;
  interval?: Interval;
}

export interface MapFunnelAnswer {
  stageIds: string[];
  query: FunnelQuery;
  result: MapFunnelResult;
  sources: string[];
  range: { from: number | null; to: number | null };
}

export interface MapPathsAnswer {
  stageIds: string[];
  result: PathsResult;
}

export interface Period {
  from: number;
  to: number;
}

export type Verdict = "better" | "worse" | "no-difference" | "no-data";

export interface PeriodSample {
  reached: number;
  converted: number;
  conversion: number | null;
}

export interface TransitionComparison {
  fromStep: number;
  toStep: number;
  fromName: string;
  toName: string;
  a: PeriodSample;
  b: PeriodSample;
  differencePoints: number | null;
  interval: { low: number; high: number } | null;
  pValue: number | null;
  verdict: Verdict;
  summary: string;
  warnings: string[];
}

export interface PeriodComparison {
  periodA: Period;
  periodB: Period;
  windowMs: number;
  warnings: string[];
  transitions: TransitionComparison[];
}

export interface MapCompareAnswer {
  stageIds: string[];
  result: PeriodComparison;
}
