import type { EventMatcher } from "../analytics/event-matcher.js";
import type {
  CardLaneType,
  Channel,
  EvidenceSource,
  JourneyMap,
  MapFunnelSettings,
  MetricKind,
  Severity,
} from "../journey-map.js";
import type { Persona } from "../persona.js";

/** Text every built-in template carries in both languages. */
export interface LocalText {
  ru: string;
  en: string;
}

export type TemplateKind = "model" | "example";

/** What the template picker shows. */
export interface TemplateInfo {
  id: string;
  /** "model": empty lanes over a stage model from the sources; "example": a filled-in map. */
  kind: TemplateKind;
  name: LocalText;
  description: LocalText;
  stageCount: number;
}

export interface TemplateResult {
  map: JourneyMap;
  personas: Persona[];
}

export interface CardSpec {
  text: LocalText;
  source?: EvidenceSource;
  evidenceNote?: LocalText;
  severity?: Severity;
  channel?: Channel;
  customChannel?: LocalText;
  successMetric?: { metric: LocalText; baseline: number | null; target: number | null; unit: string };
}

/** Stages are referred to by `key` inside a spec; the built map gets fresh ids. */
export interface StageSpec {
  key: string;
  name: LocalText;
  description: LocalText;
  /** The events that mean "reached this stage" (examples bound to a demo data set). */
  matchers?: EventMatcher[];
}

export interface MetricRowSpec {
  kind: MetricKind;
  name: LocalText;
  unit?: string;
  source?: EvidenceSource;
  values: Record<string, number | null>;
  /** Target conversion (%) into a stage. */
  targets?: Record<string, number>;
}

export interface PersonaSpec {
  name: LocalText;
  avatar: string;
  color: string;
  age: number | null;
  occupation: LocalText;
  context: LocalText;
  motivation: LocalText;
  pains: LocalText;
  channels: Channel[];
  quote: LocalText;
  segment: LocalText;
}

/** A built-in template as data: one file per template declares one of these. */
export interface TemplateSpec {
  id: string;
  kind: TemplateKind;
  name: LocalText;
  description: LocalText;
  segment?: LocalText;
  stages: StageSpec[];
  /** Cards per card lane, per stage key. */
  cards?: Partial<Record<CardLaneType, Record<string, CardSpec[]>>>;
  /** The as-is emotion curve, per stage key. */
  emotion?: Record<string, { score: number; label: LocalText }>;
  /** Metric rows; without them the metrics lane gets one empty "people" row. */
  metrics?: MetricRowSpec[];
  personas?: PersonaSpec[];
  /** How the funnel over the bound stages is computed; the map's defaults otherwise. */
  funnelSettings?: Partial<MapFunnelSettings>;
}

/** Shorthand for a bilingual card in a template file: `card("Кликает", "Clicks")`. */
export function card(ru: string, en: string, extra: Omit<CardSpec, "text"> = {}): CardSpec {
  return { text: { ru, en }, ...extra };
}
