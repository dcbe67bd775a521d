import { EVENT_PRESETS, type EventPreset } from "../../../domain/analytics/event-import.js";
import { ImportError } from "../../../domain/errors.js";
import type { EventRecord } from "../../event.js";
import { decodeText } from "../decode-text.js";
import { mapTableRows, type RowMapperOptions, type StartMapper } from "../map-table-rows.js";
import type { ByteSource } from "../open-byte-source.js";
import { readXlsxRows } from "../read-xlsx-rows.js";
import { AMOCRM_REQUIRED, createAmocrmMapper } from "./amocrm.js";
import { BITRIX24_REQUIRED, createBitrix24Mapper } from "./bitrix24.js";
import { createCalltouchMapper } from "./calltouch.js";
import { createComagicMapper } from "./comagic.js";
import { createGa4Mapper } from "./ga4.js";
import { mapJsonLines } from "./map-json-lines.js";
import { createMetricaMapper } from "./metrica.js";
import type { RowMapper } from "./preset-event.js";
import { readTabSeparatedRows, readTextRows } from "./read-text-rows.js";
import { createRoistatMapper } from "./roistat.js";
import { createSegmentMapper } from "./segment.js";

export { EVENT_PRESETS, type EventPreset };

type PresetDefinition = {
  /** What the export is called in messages. */
  label: string;
  create: () => RowMapper;
  /** Header columns a table must have (each: any one of the names), checked before any row. */
  required: readonly (readonly string[])[];
};

const CALL_REQUIRED = [] as const;

const DEFINITIONS: Record<EventPreset, PresetDefinition> = {
  ga4: {
    label: "GA4 BigQuery export",
    create: createGa4Mapper,
    required: [["event_name"], ["event_timestamp"], ["user_pseudo_id", "user_id"]],
  },
  metrica: {
    label: "Yandex Metrica Logs API file",
    create: createMetricaMapper,
    required: [
      ["ym:pv:clientID", "ym:s:clientID"],
      ["ym:pv:dateTime", "ym:s:dateTime"],
    ],
  },
  segment: { label: "Segment/RudderStack/PostHog event stream", create: createSegmentMapper, required: [] },
  amocrm: { label: "amoCRM/Kommo deal export", create: createAmocrmMapper, required: AMOCRM_REQUIRED },
  bitrix24: { label: "Bitrix24 deal export", create: createBitrix24Mapper, required: BITRIX24_REQUIRED },
  calltouch: { label: "Calltouch call export", create: createCalltouchMapper, required: CALL_REQUIRED },
  comagic: { label: "CoMagic/UIS call report", create: createComagicMapper, required: CALL_REQUIRED },
  roistat: { label: "Roistat call export", create: createRoistatMapper, required: CALL_REQUIRED },
};

/**
 * Streams the events of an export read by a preset: JSON lines record by record, CSV/TSV/XLSX row
 * by row under their header (Metrica's TSV without CSV quoting), each record through the preset's mapper.
 */
export function readPresetEvents(
  bytes: ByteSource,
  format: "csv" | "tsv" | "ndjson" | "xlsx" | "xes",
  preset: EventPreset,
  options: RowMapperOptions,
): AsyncIterable<EventRecord[]> {
  const definition = DEFINITIONS[preset];
  if (format === "xes") {
    throw new ImportError(
      `--preset ${preset} reads .ndjson/.jsonl, .csv, .tsv or .xlsx files, not .xes`,
      options.file,
    );
  }
  if (format === "ndjson")
    return mapJsonLines(decodeText(bytes.chunks, options.file), definition.create(), options);
  const start = checkedHeader(definition, options.file);
  if (format === "xlsx") return mapTableRows(readXlsxRows(bytes.chunks, options.file), start, options);
  const text = decodeText(bytes.chunks, options.file);
  if (preset === "metrica") return mapTableRows(readTabSeparatedRows(text), start, options);
  return mapTableRows(readTextRows(text, format === "tsv" ? "\t" : undefined), start, options);
}

function checkedHeader(definition: PresetDefinition, file: string): StartMapper {
  return (header, headerLine) => {
    const has = (name: string): boolean =>
      header.some((column) => column.toLowerCase() === name.toLowerCase());
    const missing = definition.required.find((names) => !names.some(has));
    if (missing) {
      throw new ImportError(
        `no ${missing.map((name) => `"${name}"`).join(" or ")} column in the header (${header.join(", ")}); is this a ${definition.label}?`,
        `${file}:${headerLine}:1`,
      );
    }
    return definition.create();
  };
}
