import { z } from "zod";
import {
  type JourneyMap,
  journeyMapSchema,
  type Lane,
  laneSchema,
  MAP_SCHEMA_VERSION,
  MAX_LANES,
} from "../journey-map.js";
import { checkMapReferences, MAP_MIGRATIONS, migrateDocument } from "../migrations.js";
import { validateInput } from "../validate-input.js";
import { shareUnchanged } from "./share-unchanged.js";

/** The map with its lanes left as they are: they are validated one by one. */
const mapAroundLanesSchema = journeyMapSchema.extend({ lanes: z.array(z.unknown()).max(MAX_LANES) });

/**
 * `parseMap` with a memory, for maps that change a little at a time. A lane that is the very object it
 * parsed (or returned) before is not validated again; the live doc's reader and the editor's operations
 * keep unchanged lanes as the same objects, so an edit re-validates one lane of a large map. Given the
 * previous map, the result shares every unchanged part with it, so memoised rows and cards skip
 * re-rendering. Same result as `parseMap` (when several parts are invalid, the first error named may differ).
 */
export class MapParser {
  private readonly lanes = new WeakMap<object, Lane>();

  parse(raw: unknown, previous?: JourneyMap): JourneyMap {
    const doc = migrateDocument(raw, MAP_SCHEMA_VERSION, MAP_MIGRATIONS, "map");
    const top = validateInput(mapAroundLanesSchema, doc, "map");
    const lanes = top.lanes.map((lane, i) => this.parseLane(lane, `map.lanes.${i}`, previous));
    const map: JourneyMap = { ...top, lanes };
    checkMapReferences(map, "map");
    return previous ? shareUnchanged(previous, map) : map;
  }

  private parseLane(raw: unknown, where: string, previous: JourneyMap | undefined): Lane {
    const known = typeof raw === "object" && raw !== null ? this.lanes.get(raw) : undefined;
    if (known) return known;
    const parsed = validateInput(laneSchema, raw, where);
    const before = previous?.lanes.find((lane) => lane.id === parsed.id);
    const lane = before ? shareUnchanged(before, parsed) : parsed;
    this.lanes.set(raw as object, lane);
    this.lanes.set(lane, lane);
    return lane;
  }
}
