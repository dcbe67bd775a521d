import { UnsupportedVersionError, ValidationError } from "./errors.js";
import { isCardLane, type JourneyMap, journeyMapSchema, MAP_SCHEMA_VERSION } from "./journey-map.js";
import { PERSONA_SCHEMA_VERSION, type Persona, personaSchema } from "./persona.js";
import { validateInput } from "./validate-input.js";

export type StoredDocument = Record<string, unknown>;
/** Step `n` turns a version-n document into a version-(n + 1) one. */
export type MigrationSteps = Record<number, (doc: StoredDocument) => StoredDocument>;

/** Map migrations; add a step here whenever MAP_SCHEMA_VERSION is bumped. */
export const MAP_MIGRATIONS: MigrationSteps = {};
/** Persona migrations; add a step here whenever PERSONA_SCHEMA_VERSION is bumped. */
export const PERSONA_MIGRATIONS: MigrationSteps = {};

/**
 * Reads a journey map from stored or imported JSON: upgrades an older schemaVersion, rejects a newer one,
 * validates the shape and the references between stages, lanes and cards.
 * @example parseMap(JSON.parse(text), "club.json: map") // throws `club.json: map.stages.0.name: must not be empty`
 */
export function parseMap(raw: unknown, where = "map"): JourneyMap {
  const doc = migrateDocument(raw, MAP_SCHEMA_VERSION, MAP_MIGRATIONS, where);
  const map = validateInput(journeyMapSchema, doc, where);
  checkMapReferences(map, where);
  return map;
}

/** Reads a persona the same way as parseMap. */
export function parsePersona(raw: unknown, where = "persona"): Persona {
  const doc = migrateDocument(raw, PERSONA_SCHEMA_VERSION, PERSONA_MIGRATIONS, where);
  return validateInput(personaSchema, doc, where);
}

/**
 * Brings a document up to `current` by running `steps` from its schemaVersion on. Rejects documents
 * that are not objects, lack a schemaVersion, or come from a newer Tropa.
 */
export function migrateDocument(
  raw: unknown,
  current: number,
  steps: MigrationSteps,
  where = "document",
): StoredDocument {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
    throw new ValidationError(`${where}: must be a JSON object`, where);
  }
  let doc = raw as StoredDocument;
  const version = doc.schemaVersion;
  if (version === undefined) {
    throw new ValidationError(`${where}.schemaVersion: is missing`, `${where}.schemaVersion`);
  }
  if (typeof version !== "number" || !Number.isInteger(version) || version < 1) {
    throw new ValidationError(
      `${where}.schemaVersion: must be a whole number from 1`,
      `${where}.schemaVersion`,
    );
  }
  if (version > current) throw new UnsupportedVersionError(version, current);
  for (let from = version; from < current; from += 1) {
    const step = steps[from];
    // A missing step is a bug in this table, not in the user's file.
    if (!step) throw new Error(`no migration registered from schemaVersion ${from} to ${from + 1}`);
    doc = { ...step(doc), schemaVersion: from + 1 };
  }
  return doc;
}

/** What zod cannot see: ids must be unique and every per-stage entry must point at an existing stage. */
export function checkMapReferences(map: JourneyMap, where: string): void {
  const stageIds = new Set<string>();
  map.stages.forEach((stage, i) => {
    if (stageIds.has(stage.id)) fail(`${where}.stages.${i}.id`, `stage id "${stage.id}" is used twice`);
    stageIds.add(stage.id);
  });
  const checkStageKeys = (record: Record<string, unknown>, path: string) => {
    for (const key of Object.keys(record)) {
      if (!stageIds.has(key)) fail(`${path}.${key}`, `there is no stage with id "${key}"`);
    }
  };
  const laneIds = new Set<string>();
  const cardIds = new Set<string>();
  map.lanes.forEach((lane, i) => {
    const path = `${where}.lanes.${i}`;
    if (laneIds.has(lane.id)) fail(`${path}.id`, `lane id "${lane.id}" is used twice`);
    laneIds.add(lane.id);
    if (isCardLane(lane)) {
      checkStageKeys(lane.cells, `${path}.cells`);
      for (const [stageId, cards] of Object.entries(lane.cells)) {
        cards.forEach((card, j) => {
          if (cardIds.has(card.id))
            fail(`${path}.cells.${stageId}.${j}.id`, `card id "${card.id}" is used twice`);
          cardIds.add(card.id);
        });
      }
    } else if (lane.type === "emotion") {
      checkUnique(lane.series, `${path}.series`, "emotion series");
      lane.series.forEach((series, j) => {
        checkStageKeys(series.points, `${path}.series.${j}.points`);
      });
    } else {
      checkUnique(lane.rows, `${path}.rows`, "metric row");
      lane.rows.forEach((row, j) => {
        checkStageKeys(row.values, `${path}.rows.${j}.values`);
        checkStageKeys(row.targets, `${path}.rows.${j}.targets`);
      });
    }
  });
}

function checkUnique(items: { id: string }[], path: string, what: string): void {
  const seen = new Set<string>();
  items.forEach((item, i) => {
    if (seen.has(item.id)) fail(`${path}.${i}.id`, `${what} id "${item.id}" is used twice`);
    seen.add(item.id);
  });
}

function fail(path: string, message: string): never {
  throw new ValidationError(`${path}: ${message}`, path);
}
