import type {
  Period,
  PeriodComparison,
  PeriodSample,
  TransitionComparison,
  Verdict,
} from "../domain/analytics/compare-query.js";
import type { FunnelQueryInput, FunnelResult } from "../domain/analytics/funnel-query.js";
import { ValidationError } from "../domain/errors.js";
import type { AnalyticsEngine } from "./engine.js";
import { type Proportion, twoProportionTest } from "./two-proportion-test.js";

export type ComparePeriodsInput = {
  query: FunnelQueryInput;
  periodA: Period;
  periodB: Period;
  /** Compare step `transition` → `transition + 1` only (1-based); default every transition. */
  transition?: number;
  /** Time of the last event in the data (null: no events), to tell whether each window is complete. */
  dataEnd: number | null;
};

/** Below these a two-proportion test cannot tell a real difference from noise. */
export const MIN_REACHED = 30;
export const MIN_OUTCOMES = 5;
export const SIGNIFICANCE = 0.05;

/** The shapes live in the domain so the web UI can read them too. */
export type { Period, PeriodComparison, PeriodSample, TransitionComparison, Verdict };

/**
 * Runs the funnel once per entry period, each with its full conversion window, and compares the
 * conversion of each transition (or the chosen one) between A and B; see docs/analytics.md
 * "Comparison".
 * @example await comparePeriods(engine, { query: { steps }, periodA, periodB, dataEnd })
 */
export async function comparePeriods(
  engine: AnalyticsEngine,
  input: ComparePeriodsInput,
): Promise<PeriodComparison> {
  checkPeriod(input.periodA, "A");
  checkPeriod(input.periodB, "B");
  checkTransition(input.transition, input.query.steps.length);
  const resultA = await engine.getFunnel({ ...input.query, ...input.periodA });
  const resultB = await engine.getFunnel({ ...input.query, ...input.periodB });
  const windowMs = resultA.windowMs;
  const warnings = [
    windowWarning("A", input.periodA, windowMs, input.dataEnd),
    windowWarning("B", input.periodB, windowMs, input.dataEnd),
  ].filter((warning): warning is string => warning !== null);
  const fromSteps =
    input.transition === undefined
      ? Array.from({ length: resultA.steps.length - 1 }, (_, i) => i + 1)
      : [input.transition];
  return {
    periodA: input.periodA,
    periodB: input.periodB,
    windowMs,
    resultA,
    resultB,
    warnings,
    transitions: fromSteps.map((fromStep) => compareTransition(resultA, resultB, fromStep)),
  };
}

function checkPeriod(period: Period, label: string): void {
  if (!Number.isInteger(period.from) || !Number.isInteger(period.to) || period.from >= period.to) {
    throw new ValidationError(`period ${label}: the start must be before the end`, `period${label}`);
  }
}

function checkTransition(transition: number | undefined, stepCount: number): void {
  if (stepCount < 2) throw new ValidationError("a comparison needs at least two steps", "query.steps");
  if (transition === undefined) return;
  if (!Number.isInteger(transition) || transition < 1 || transition >= stepCount) {
    throw new ValidationError(
      `transition must be a step number from 1 to ${stepCount - 1} (step i → i+1)`,
      "transition",
    );
  }
}

/**
 * People who entered at the very end of the period may convert until `to − 1 ms + window`; if the
 * data stops earlier, their conversions are not in it yet and the period looks worse than it is.
 */
function windowWarning(
  label: string,
  period: Period,
  windowMs: number,
  dataEnd: number | null,
): string | null {
  const windowEnd = period.to - 1 + windowMs;
  if (dataEnd !== null && dataEnd >= windowEnd) return null;
  const ends = dataEnd === null ? "there are no events" : `the data ends at ${isoTime(dataEnd)}`;
  return `period ${label}'s window is not complete yet: people entering up to ${isoTime(period.to - 1)} have until ${isoTime(windowEnd)} to convert, but ${ends}`;
}

function isoTime(ms: number): string {
  return new Date(ms).toISOString();
}

function compareTransition(
  resultA: FunnelResult,
  resultB: FunnelResult,
  fromStep: number,
): TransitionComparison {
  const a = sampleOf(resultA, fromStep);
  const b = sampleOf(resultB, fromStep);
  const names = {
    fromStep,
    toStep: fromStep + 1,
    fromName: resultA.steps[fromStep - 1]?.name ?? "",
    toName: resultA.steps[fromStep]?.name ?? "",
  };
  const warnings = [sizeWarning("A", a), sizeWarning("B", b)].filter((w): w is string => w !== null);
  if (a.reached === 0 || b.reached === 0) {
    const empty = a.reached === 0 ? "A" : "B";
    const summary = `no data: nobody reached ${names.fromName} in period ${empty}`;
    return {
      ...names,
      a,
      b,
      differencePoints: null,
      interval: null,
      pValue: null,
      verdict: "no-data",
      summary,
      warnings,
    };
  }
  const test = twoProportionTest(proportionOf(a), proportionOf(b));
  const verdict = verdictOf(test.difference, test.pValue);
  const differencePoints = test.difference * 100;
  const interval = { low: test.interval.low * 100, high: test.interval.high * 100 };
  const summary = `${sentenceOf(verdict)}: ${signed(differencePoints)} pp (95 % CI ${signed(interval.low)} to ${signed(interval.high)}), p = ${formatP(test.pValue)}`;
  return { ...names, a, b, differencePoints, interval, pValue: test.pValue, verdict, summary, warnings };
}

function sampleOf(result: FunnelResult, fromStep: number): PeriodSample {
  const reached = result.steps[fromStep - 1]?.people ?? 0;
  const converted = result.steps[fromStep]?.people ?? 0;
  return { reached, converted, conversion: reached === 0 ? null : (converted / reached) * 100 };
}

function proportionOf(sample: PeriodSample): Proportion {
  return { successes: sample.converted, trials: sample.reached };
}

/** The usual rule of thumb for the normal approximation: enough people, and enough of each outcome. */
function sizeWarning(label: string, sample: PeriodSample): string | null {
  const failures = sample.reached - sample.converted;
  if (sample.reached >= MIN_REACHED && sample.converted >= MIN_OUTCOMES && failures >= MIN_OUTCOMES)
    return null;
  return `period ${label} is too small to tell: ${sample.reached} reached, ${sample.converted} converted, ${failures} did not (needs at least ${MIN_REACHED} reached and ${MIN_OUTCOMES} of each outcome)`;
}

function verdictOf(difference: number, pValue: number): Verdict {
  if (pValue >= SIGNIFICANCE || difference === 0) return "no-difference";
  return difference > 0 ? "better" : "worse";
}

function sentenceOf(verdict: Verdict): string {
  if (verdict === "better") return "B is better";
  if (verdict === "worse") return "B is worse";
  return "no detectable difference";
}

function signed(points: number): string {
  const rounded = Math.round(points * 10) / 10;
  return rounded > 0 ? `+${rounded}` : String(rounded === 0 ? 0 : rounded);
}

function formatP(pValue: number): string {
  return pValue < 0.0001 ? "< 0.0001" : pValue.toPrecision(2);
}
