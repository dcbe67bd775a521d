import type { Card, Channel, EvidenceSource, Severity } from "../../domain/journey-map.js";
import type { CardPatch } from "../../domain/map-operations.js";

/** The card editor's form state: numbers stay strings until saved, so "1," can be typed. */
export interface CardDraft {
  text: string;
  source: EvidenceSource;
  evidenceNote: string;
  severity: Severity | "";
  channel: Channel | "custom" | "";
  customChannel: string;
  metric: string;
  baseline: string;
  target: string;
  unit: string;
}

export function draftOf(card: Card): CardDraft {
  return {
    text: card.text,
    source: card.source,
    evidenceNote: card.evidenceNote,
    severity: card.severity ?? "",
    channel: card.channel ?? (card.customChannel ? "custom" : ""),
    customChannel: card.customChannel ?? "",
    metric: card.successMetric?.metric ?? "",
    baseline: numberText(card.successMetric?.baseline),
    target: numberText(card.successMetric?.target),
    unit: card.successMetric?.unit ?? "",
  };
}

function numberText(value: number | null | undefined): string {
  return value === null || value === undefined ? "" : String(value);
}

/** Accepts "1 200,5" as typed by Russian speakers; empty means "no value". */
export function parseNumber(text: string): number | null {
  const cleaned = text.replace(/[\s\u00a0]/g, "").replace(",", ".");
  if (cleaned === "") return null;
  const value = Number(cleaned);
  return Number.isFinite(value) ? value : null;
}

/** Only the fields that changed, so an untouched card yields an empty patch and no undo step. */
export function patchFrom(card: Card, draft: CardDraft, withMetric: boolean): CardPatch {
  const patch: CardPatch = {};
  if (draft.text !== card.text) patch.text = draft.text;
  if (draft.source !== card.source) patch.source = draft.source;
  if (draft.evidenceNote !== card.evidenceNote) patch.evidenceNote = draft.evidenceNote;
  const severity = draft.severity || undefined;
  if (severity !== card.severity) patch.severity = severity;
  const channel = draft.channel === "custom" || draft.channel === "" ? undefined : draft.channel;
  if (channel !== card.channel) patch.channel = channel;
  const customChannel = draft.channel === "custom" ? draft.customChannel.trim() || undefined : undefined;
  if (customChannel !== card.customChannel) patch.customChannel = customChannel;
  if (withMetric) {
    const next = {
      metric: draft.metric.trim(),
      baseline: parseNumber(draft.baseline),
      target: parseNumber(draft.target),
      unit: draft.unit.trim(),
    };
    const current = card.successMetric;
    const empty = !next.metric && next.baseline === null && next.target === null && !next.unit;
    const same =
      current !== undefined &&
      current.metric === next.metric &&
      current.baseline === next.baseline &&
      current.target === next.target &&
      current.unit === next.unit;
    if (empty && current !== undefined) patch.successMetric = undefined;
    else if (!empty && !same) patch.successMetric = next;
  }
  return patch;
}
