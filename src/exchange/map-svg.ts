import { type EvidenceLevel, stageEvidenceLevel } from "../domain/evidence.js";
import { computeTransitions, formatPercent, type Transition } from "../domain/funnel.js";
import {
  type Card,
  type CardLane,
  type CardLaneType,
  EMOTION_MAX,
  EMOTION_MIN,
  type EmotionLane,
  type JourneyMap,
  type MetricsLane,
} from "../domain/journey-map.js";
import type { Persona } from "../domain/persona.js";
import { type ExportLabels, exportLabels } from "./export-labels.js";
import type { MapFile } from "./map-file.js";
import { formatMetric } from "./markdown-export.js";
import { formatCount } from "./transition-table.js";

/** The font the PNG and PDF renderers load (DejaVu covers Latin and Cyrillic). */
export const SVG_FONT_FAMILY = "DejaVu Sans";

const PAD = 32;
const LABEL_W = 190;
const STAGE_W = 230;
const GAP = 10;
const CARD_PAD = 8;
const FONT = 12;
const LINE_H = 16;
const EMOTION_H = 150;
const METRIC_ROW_H = 46;
const TRANSITION_H = 64;

const INK = "#0f172a";
const MUTED = "#64748b";
const GRID = "#e2e8f0";

const CARD_COLORS: Record<CardLaneType, { fill: string; stroke: string }> = {
  actions: { fill: "#eef2ff", stroke: "#6366f1" },
  thoughts: { fill: "#f5f3ff", stroke: "#8b5cf6" },
  text: { fill: "#f8fafc", stroke: "#94a3b8" },
  backstage: { fill: "#f1f5f9", stroke: "#64748b" },
  touchpoints: { fill: "#e0f2fe", stroke: "#0284c7" },
  tech_barriers: { fill: "#fee2e2", stroke: "#dc2626" },
  emotional_barriers: { fill: "#ffedd5", stroke: "#ea580c" },
  opportunities: { fill: "#dcfce7", stroke: "#16a34a" },
};
const SEVERITY_COLORS = { low: "#94a3b8", medium: "#f59e0b", high: "#ea580c", critical: "#dc2626" } as const;
const EVIDENCE_COLORS: Record<EvidenceLevel, string> = {
  hypothetical: "#94a3b8",
  partly: "#f59e0b",
  data: "#16a34a",
};
const SERIES_COLORS = ["#7c3aed", "#0891b2", "#db2777", "#65a30d"];

/** A block of SVG markup and the height it takes. */
type Block = { markup: string; height: number };

/**
 * Draws the whole map as one SVG document: title, personas, stages with their evidence level,
 * every lane as a row of cards, the emotion curves, the metric rows and the funnel transitions.
 * All user text is escaped; the result is pure markup for the PNG and PDF renderers.
 */
export function renderMapSvg(file: MapFile): string {
  const { map } = file;
  const labels = exportLabels(map.lang);
  const width = PAD * 2 + LABEL_W + map.stages.length * (STAGE_W + GAP);
  const personas = file.personas.filter((persona) => map.personaIds.includes(persona.id));
  const blocks: Block[] = [
    titleBlock(map, width),
    personaBlock(personas, labels),
    stageHeaderBlock(map, labels),
    ...map.lanes.map((lane) => {
      if (lane.type === "emotion") return emotionBlock(map, lane);
      if (lane.type === "metrics") return metricsBlock(map, lane, labels);
      return cardLaneBlock(map, lane, labels);
    }),
    footerBlock(file, labels),
  ];
  let y = PAD;
  const body = blocks
    .filter((block) => block.height > 0)
    .map((block) => {
      const placed = `<g transform="translate(0 ${y})">${block.markup}</g>`;
      y += block.height + GAP;
      return placed;
    });
  const height = y + PAD - GAP;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}"`,
    ` font-family="${SVG_FONT_FAMILY}" font-size="${FONT}" fill="${INK}">`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    ...body,
    "</svg>",
  ].join("");
}

function titleBlock(map: JourneyMap, width: number): Block {
  const description = wrapText(map.description, width - PAD * 2, 13).slice(0, 4);
  const meta = [map.state, map.segment].filter(Boolean).join(" · ");
  const lines = [
    text(PAD, 24, map.title, { size: 24, weight: "bold" }),
    ...description.map((line, i) => text(PAD, 50 + i * 18, line, { size: 13, fill: MUTED })),
    meta ? text(PAD, 50 + description.length * 18, meta, { size: 11, fill: MUTED }) : "",
  ];
  return { markup: lines.join(""), height: 40 + (description.length + (meta ? 1 : 0)) * 18 };
}

function personaBlock(personas: Persona[], labels: ExportLabels): Block {
  if (personas.length === 0) return { markup: "", height: 0 };
  let x = PAD + LABEL_W;
  const chips = personas.map((persona) => {
    const subtitle = [persona.age === null ? "" : String(persona.age), persona.occupation]
      .filter(Boolean)
      .join(", ");
    const chipW = Math.max(measure(persona.name, 13, "bold"), measure(subtitle, 11)) + 64;
    const chip = [
      `<rect x="${x}" y="0" width="${chipW}" height="44" rx="22" fill="#f8fafc" stroke="${GRID}"/>`,
      `<circle cx="${x + 22}" cy="22" r="16" fill="${escapeXml(persona.color)}"/>`,
      text(x + 22, 27, initial(persona.name), {
        size: 14,
        weight: "bold",
        fill: "#ffffff",
        anchor: "middle",
      }),
      text(x + 46, subtitle ? 19 : 27, persona.name, { size: 13, weight: "bold" }),
      subtitle ? text(x + 46, 35, subtitle, { size: 11, fill: MUTED }) : "",
    ].join("");
    x += chipW + GAP;
    return chip;
  });
  return { markup: laneLabel(labels.personas, 44, "#475569") + chips.join(""), height: 44 };
}

function stageHeaderBlock(map: JourneyMap, labels: ExportLabels): Block {
  const nameLines = map.stages.map((stage) => wrapText(stage.name, STAGE_W - 24, 14, "bold").slice(0, 3));
  const height = 30 + Math.max(...nameLines.map((lines) => lines.length)) * 18;
  const cells = map.stages.map((stage, i) => {
    const x = stageX(i);
    const level = stageEvidenceLevel(map, stage.id);
    const lines = nameLines[i] ?? [];
    return [
      `<rect x="${x}" y="0" width="${STAGE_W}" height="${height}" rx="8" fill="#1e293b"/>`,
      text(x + 12, 20, String(i + 1), { size: 11, fill: "#94a3b8", weight: "bold" }),
      `<circle cx="${x + 34}" cy="16" r="4" fill="${EVIDENCE_COLORS[level]}"/>`,
      text(x + 42, 20, labels[level], { size: 10, fill: "#cbd5e1" }),
      ...lines.map((line, j) =>
        text(x + 12, 38 + j * 18, line, { size: 14, weight: "bold", fill: "#ffffff" }),
      ),
    ].join("");
  });
  return { markup: laneLabel(labels.evidence, height, "#1e293b") + cells.join(""), height };
}

function cardLaneBlock(map: JourneyMap, lane: CardLane, labels: ExportLabels): Block {
  const colors = CARD_COLORS[lane.type];
  const columns = map.stages.map((stage) => cardStack(lane.cells[stage.id] ?? [], lane.type, colors, labels));
  const height = Math.max(48, ...columns.map((column) => column.height));
  const cells = columns.map((column, i) => `<g transform="translate(${stageX(i)} 0)">${column.markup}</g>`);
  return { markup: laneBand(lane.title, height, colors.stroke) + cells.join(""), height };
}

function cardStack(
  cards: Card[],
  type: CardLaneType,
  colors: { fill: string; stroke: string },
  labels: ExportLabels,
): Block {
  let y = 4;
  const boxes = cards.map((card) => {
    const lines = wrapText(card.text, STAGE_W - CARD_PAD * 2, FONT);
    const note = cardNote(card, type, labels);
    const noteLines = note ? wrapText(note.text, STAGE_W - CARD_PAD * 2 - 14, 11, "bold").slice(0, 2) : [];
    const boxH = CARD_PAD * 2 + lines.length * LINE_H + noteLines.length * 14 + (note ? 4 : 0);
    const box = [
      `<rect x="0" y="${y}" width="${STAGE_W}" height="${boxH}" rx="8" fill="${colors.fill}" stroke="${colors.stroke}" stroke-width="1"/>`,
      ...lines.map((line, i) => text(CARD_PAD, y + CARD_PAD + 12 + i * LINE_H, line)),
      note ? noteMarkup(note, noteLines, y + CARD_PAD + 14 + lines.length * LINE_H) : "",
    ].join("");
    y += boxH + 6;
    return box;
  });
  return { markup: boxes.join(""), height: y };
}

type CardNote = { text: string; color: string; dot: boolean };

/** The one extra fact each card type shows: severity, channel or success metric. */
function cardNote(card: Card, type: CardLaneType, labels: ExportLabels): CardNote | null {
  if ((type === "tech_barriers" || type === "emotional_barriers") && card.severity) {
    return { text: labels.severity[card.severity], color: SEVERITY_COLORS[card.severity], dot: true };
  }
  if (type === "touchpoints" && (card.channel || card.customChannel)) {
    return {
      text: card.customChannel || labels.channels[card.channel ?? "website"],
      color: "#0369a1",
      dot: false,
    };
  }
  if (type === "opportunities" && card.successMetric) {
    return { text: `◎ ${formatMetric(card.successMetric)}`, color: "#15803d", dot: false };
  }
  return null;
}

function noteMarkup(note: CardNote, lines: string[], baseline: number): string {
  const indent = note.dot ? 13 : 0;
  const dot = note.dot
    ? `<circle cx="${CARD_PAD + 4}" cy="${baseline - 4}" r="4" fill="${note.color}"/>`
    : "";
  const texts = lines.map((line, i) =>
    text(CARD_PAD + indent, baseline + i * 14, line, { size: 11, fill: note.color, weight: "bold" }),
  );
  return dot + texts.join("");
}

function emotionBlock(map: JourneyMap, lane: EmotionLane): Block {
  const top = 18;
  const bottom = EMOTION_H - 24;
  const yOf = (score: number) => top + ((EMOTION_MAX - score) / (EMOTION_MAX - EMOTION_MIN)) * (bottom - top);
  const guides = [EMOTION_MAX, 0, EMOTION_MIN].map((score) => {
    const y = yOf(score);
    const label = score > 0 ? `+${score}` : String(score);
    return (
      `<line x1="${stageX(0)}" y1="${y}" x2="${stageX(map.stages.length) - GAP}" y2="${y}" stroke="${GRID}"` +
      `${score === 0 ? ' stroke-dasharray="4 4"' : ""}/>` +
      text(stageX(0) - 6, y + 4, label, { size: 10, fill: MUTED, anchor: "end" })
    );
  });
  const curves = lane.series.map((series, s) => {
    const color = SERIES_COLORS[s % SERIES_COLORS.length] ?? INK;
    const points = map.stages.flatMap((stage, i) => {
      const point = series.points[stage.id];
      return point
        ? [{ x: stageX(i) + STAGE_W / 2, y: yOf(point.score), label: point.label, score: point.score }]
        : [];
    });
    const dash = series.state === "to-be" ? ' stroke-dasharray="6 5"' : "";
    const path =
      points.length > 1
        ? `<path d="${smoothPath(points)}" fill="none" stroke="${color}" stroke-width="3"${dash}/>`
        : "";
    const dots = points.map((p) => {
      const labelY = p.score >= 0 ? p.y + 20 : p.y - 12;
      return (
        `<circle cx="${p.x}" cy="${p.y}" r="6" fill="#ffffff" stroke="${color}" stroke-width="3"/>` +
        (p.label
          ? text(p.x, labelY, truncate(p.label, STAGE_W - 20, 11), {
              size: 11,
              fill: color,
              anchor: "middle",
            })
          : "")
      );
    });
    const legend = series.label
      ? text(PAD + 12, 44 + s * 16, `— ${truncate(series.label, LABEL_W - 30, 10)}`, {
          size: 10,
          fill: color,
        })
      : "";
    return path + dots.join("") + legend;
  });
  return {
    markup: laneBand(lane.title, EMOTION_H, "#7c3aed") + guides.join("") + curves.join(""),
    height: EMOTION_H,
  };
}

/** Catmull-Rom through the points, as cubic Béziers: a curve that passes through every score. */
function smoothPath(points: { x: number; y: number }[]): string {
  const first = points[0];
  if (!first) return "";
  let d = `M${round(first.x)} ${round(first.y)}`;
  for (let i = 0; i < points.length - 1; i++) {
    const p0 = points[i - 1] ?? points[i];
    const p1 = points[i];
    const p2 = points[i + 1];
    const p3 = points[i + 2] ?? p2;
    if (!p0 || !p1 || !p2 || !p3) continue;
    const c1 = { x: p1.x + (p2.x - p0.x) / 6, y: p1.y + (p2.y - p0.y) / 6 };
    const c2 = { x: p2.x - (p3.x - p1.x) / 6, y: p2.y - (p3.y - p1.y) / 6 };
    d += ` C${round(c1.x)} ${round(c1.y)} ${round(c2.x)} ${round(c2.y)} ${round(p2.x)} ${round(p2.y)}`;
  }
  return d;
}

function metricsBlock(map: JourneyMap, lane: MetricsLane, labels: ExportLabels): Block {
  const funnel = computeTransitions(map);
  let y = 0;
  const rows = lane.rows.map((row) => {
    const cells = map.stages.map((stage, i) => {
      const value = row.values[stage.id];
      if (typeof value !== "number") return "";
      const shown = `${formatCount(value, map.lang)}${row.unit ? ` ${row.unit}` : ""}`;
      return (
        `<rect x="${stageX(i)}" y="${y + 4}" width="${STAGE_W}" height="${METRIC_ROW_H - 8}" rx="8" fill="#f8fafc" stroke="${GRID}"/>` +
        text(stageX(i) + STAGE_W / 2, y + 31, shown, { size: 18, weight: "bold", anchor: "middle" })
      );
    });
    const name = text(PAD + 12, y + 40, truncate(row.name, LABEL_W - 24, 10), { size: 10, fill: MUTED });
    const markup = name + cells.join("");
    y += METRIC_ROW_H;
    if (row.id !== funnel.rowId || funnel.transitions.length === 0) return markup;
    const transitions = transitionsMarkup(map, funnel.transitions, funnel.keyBarrier, labels, y);
    y += TRANSITION_H;
    return markup + transitions;
  });
  const height = Math.max(METRIC_ROW_H, y);
  return { markup: laneBand(lane.title, height, "#0f766e") + rows.join(""), height };
}

/** A chip per transition under the people row: conversion and loss, the key barrier in red. */
function transitionsMarkup(
  map: JourneyMap,
  transitions: Transition[],
  key: Transition | null,
  labels: ExportLabels,
  y: number,
): string {
  const indexOf = (stageId: string) => map.stages.findIndex((stage) => stage.id === stageId);
  return transitions
    .map((t) => {
      const from = indexOf(t.fromStageId);
      const to = indexOf(t.toStageId);
      const isKey = key?.fromStageId === t.fromStageId;
      const color = isKey ? "#dc2626" : t.gapToTarget !== null && t.gapToTarget > 0 ? "#ea580c" : "#0f766e";
      const x1 = stageX(from) + STAGE_W / 2;
      const x2 = stageX(to) + STAGE_W / 2;
      const mid = (x1 + x2) / 2;
      const chipW = STAGE_W - 30;
      const target =
        t.target === null ? "" : ` · ${labels.target.toLowerCase()} ${formatPercent(t.target, map.lang)}`;
      return [
        `<path d="M${x1} ${y + 4} L${x1} ${y + 12} L${x2} ${y + 12} L${x2} ${y + 4}" fill="none" stroke="${color}" stroke-width="${isKey ? 2.5 : 1.5}"/>`,
        `<rect x="${mid - chipW / 2}" y="${y + 18}" width="${chipW}" height="${isKey ? 42 : 34}" rx="17" fill="${isKey ? "#fee2e2" : "#ffffff"}" stroke="${color}" stroke-width="${isKey ? 2 : 1}"/>`,
        text(mid, y + 33, `→ ${formatPercent(t.conversion, map.lang)}${target}`, {
          size: 12,
          weight: "bold",
          fill: color,
          anchor: "middle",
        }),
        text(mid, y + 47, `${labels.lost}: ${formatCount(t.lost, map.lang)}`, {
          size: 10,
          fill: color,
          anchor: "middle",
        }),
        isKey
          ? text(mid, y + 58, `★ ${labels.keyBarrier}`, {
              size: 10,
              weight: "bold",
              fill: color,
              anchor: "middle",
            })
          : "",
      ].join("");
    })
    .join("");
}

function footerBlock(file: MapFile, labels: ExportLabels): Block {
  const line = `${labels.exported} · ${file.exportedAt.slice(0, 10)}`;
  return { markup: text(PAD, 14, line, { size: 10, fill: MUTED }), height: 18 };
}

function laneBand(title: string, height: number, accent: string): string {
  return (
    `<rect x="${PAD}" y="0" width="${stageX(0) - PAD - GAP}" height="${height}" rx="8" fill="#f8fafc"/>` +
    `<rect x="${PAD}" y="0" width="4" height="${height}" rx="2" fill="${accent}"/>` +
    wrapText(title, LABEL_W - 28, 12, "bold")
      .slice(0, 3)
      .map((line, i) => text(PAD + 14, 20 + i * 16, line, { weight: "bold", fill: INK }))
      .join("")
  );
}

function laneLabel(title: string, height: number, color: string): string {
  return text(PAD + 14, Math.min(height / 2 + 4, 26), title, { size: 11, weight: "bold", fill: color });
}

function stageX(index: number): number {
  return PAD + LABEL_W + index * (STAGE_W + GAP);
}

type TextStyle = { size?: number; weight?: "bold"; fill?: string; anchor?: "middle" | "end" };

function text(x: number, y: number, content: string, style: TextStyle = {}): string {
  const attributes = [
    `x="${round(x)}"`,
    `y="${round(y)}"`,
    style.size ? `font-size="${style.size}"` : "",
    style.weight ? `font-weight="${style.weight}"` : "",
    style.fill ? `fill="${style.fill}"` : "",
    style.anchor ? `text-anchor="${style.anchor}"` : "",
  ];
  return `<text ${attributes.filter(Boolean).join(" ")}>${escapeXml(content)}</text>`;
}

/** Escapes text for XML and drops control characters that XML 1.0 forbids outright. */
export function escapeXml(value: string): string {
  return [...value]
    .filter(isXmlChar)
    .join("")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

/** XML 1.0 allows tab, newline and carriage return among the control characters, and not U+FFFE/U+FFFF. */
function isXmlChar(char: string): boolean {
  const code = char.codePointAt(0) ?? 0;
  if (code < 0x20) return code === 0x09 || code === 0x0a || code === 0x0d;
  return code !== 0xfffe && code !== 0xffff;
}

/** Average advance of DejaVu Sans glyphs per em; bold runs wider. Good enough to wrap without a layout engine. */
function measure(value: string, size: number, weight?: "bold"): number {
  return [...value].length * size * (weight ? 0.68 : 0.6);
}

/** Greedy word wrap by estimated width; words longer than a line are broken. */
export function wrapText(value: string, width: number, size: number, weight?: "bold"): string[] {
  const maxChars = Math.max(4, Math.floor(width / (size * (weight ? 0.68 : 0.6))));
  const lines: string[] = [];
  for (const paragraph of value.split(/\r?\n/)) {
    let line = "";
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      for (const piece of chunk(word, maxChars)) {
        if (!line) line = piece;
        else if (line.length + 1 + piece.length <= maxChars) line += ` ${piece}`;
        else {
          lines.push(line);
          line = piece;
        }
      }
    }
    if (line) lines.push(line);
  }
  return lines;
}

function chunk(word: string, size: number): string[] {
  const chars = [...word];
  const pieces: string[] = [];
  for (let i = 0; i < chars.length; i += size) pieces.push(chars.slice(i, i + size).join(""));
  return pieces;
}

function truncate(value: string, width: number, size: number): string {
  const flat = value.replace(/\s+/g, " ").trim();
  const maxChars = Math.max(4, Math.floor(width / (size * 0.6)));
  const chars = [...flat];
  return chars.length <= maxChars ? flat : `${chars.slice(0, maxChars - 1).join("")}…`;
}

function initial(name: string): string {
  return ([...name.trim()][0] ?? "?").toUpperCase();
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
