import { ImportError, TropaError } from "../domain/errors.js";
import type { JourneyMap } from "../domain/journey-map.js";
import { parseMap, parsePersona } from "../domain/migrations.js";
import type { Persona } from "../domain/persona.js";
import { findJsonErrorOffset, toLineColumn } from "./json-error-position.js";

export const MAP_FILE_FORMAT = "tropa.map";
/** Version of the envelope; the map and personas inside carry their own schemaVersion. */
export const MAP_FILE_VERSION = 1;

/** The lossless file a map travels in: JSON export, `tropa new`, `tropa import`. */
export type MapFile = {
  format: "tropa.map";
  schemaVersion: number;
  exportedAt: string;
  map: JourneyMap;
  personas: Persona[];
};

export function toMapFile(map: JourneyMap, personas: Persona[], now: Date = new Date()): MapFile {
  return {
    format: MAP_FILE_FORMAT,
    schemaVersion: MAP_FILE_VERSION,
    exportedAt: now.toISOString(),
    map,
    personas,
  };
}

/**
 * Reads a map file's text; every problem becomes an ImportError naming the file and the spot.
 * @example parseMapFile(await readFile("map.json", "utf8"), "map.json")
 */
export function parseMapFile(text: string, filename: string): MapFile {
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch {
    throw jsonSyntaxError(text.replace(/^\uFEFF/, ""), filename);
  }
  return validateMapFile(raw, filename);
}

/** Checks an already-decoded map file (from JSON or rebuilt from spreadsheet sheets). */
export function validateMapFile(raw: unknown, filename: string): MapFile {
  if (!isRecord(raw)) {
    throw new ImportError(
      `not a Tropa map file: expected a JSON object with "format": "${MAP_FILE_FORMAT}"`,
      filename,
    );
  }
  if (raw.format !== MAP_FILE_FORMAT) {
    const found = raw.format === undefined ? "missing" : JSON.stringify(raw.format);
    throw new ImportError(
      `"format" is ${found}, expected "${MAP_FILE_FORMAT}": this is not a Tropa map file`,
      `${filename}: format`,
    );
  }
  const version = raw.schemaVersion ?? MAP_FILE_VERSION;
  if (typeof version !== "number" || !Number.isInteger(version) || version < 1) {
    throw new ImportError("must be a positive whole number", `${filename}: schemaVersion`);
  }
  if (version > MAP_FILE_VERSION) {
    throw new ImportError(
      `file version ${version} is newer than this Tropa reads (up to ${MAP_FILE_VERSION}); upgrade Tropa to open it`,
      `${filename}: schemaVersion`,
    );
  }
  const personasRaw = raw.personas ?? [];
  if (!Array.isArray(personasRaw)) throw new ImportError("must be a list", `${filename}: personas`);
  return {
    format: MAP_FILE_FORMAT,
    schemaVersion: MAP_FILE_VERSION,
    exportedAt: typeof raw.exportedAt === "string" ? raw.exportedAt : new Date().toISOString(),
    map: withFile(filename, () => parseMap(raw.map, "map")),
    personas: personasRaw.map((persona, i) =>
      withFile(filename, () => parsePersona(persona, `personas.${i}`)),
    ),
  };
}

function jsonSyntaxError(text: string, filename: string): ImportError {
  const offset = findJsonErrorOffset(text);
  const { line, column } = toLineColumn(text, offset);
  const reason =
    offset >= text.length
      ? "the JSON ends too early (is the file truncated?)"
      : `invalid JSON near ${JSON.stringify(text.slice(offset, offset + 12))}`;
  return new ImportError(reason, `${filename}: line ${line}, column ${column}`);
}

/** Keeps the domain's message (it names the field) and prefixes the file. */
function withFile<T>(filename: string, read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof ImportError) throw error;
    if (error instanceof TropaError) throw new ImportError(error.message, filename);
    throw error;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
