import type * as Y from "yjs";
import type { JourneyMap } from "../journey-map.js";
import { MapParser } from "./map-parser.js";
import { MapDocReader } from "./read-map-from-doc.js";
import { writeMapToDoc } from "./write-map-to-doc.js";

/**
 * A Y.Doc that holds a journey map, read and validated incrementally: after an edit, only the parts it
 * touched are read and validated again, and unchanged parts stay the same objects between reads.
 */
export class LiveMapDoc {
  private readonly reader: MapDocReader;
  private readonly parser = new MapParser();

  constructor(readonly doc: Y.Doc) {
    this.reader = new MapDocReader(doc);
  }

  /**
   * The doc's map, sharing its unchanged parts with `previous`, or null when a merge or a hostile client
   * left the doc invalid.
   */
  readValid(previous?: JourneyMap): JourneyMap | null {
    try {
      return this.parser.parse(this.reader.read(), previous);
    } catch {
      return null;
    }
  }

  /** Validates an edit's result as `parseMap` does (throwing its ValidationError), reusing what it can. */
  parse(raw: unknown, previous?: JourneyMap): JourneyMap {
    return this.parser.parse(raw, previous);
  }

  /** Writes `map` as a diff; `held` is a map the doc is known to describe (see writeMapToDoc). */
  write(map: JourneyMap, origin: unknown, held?: JourneyMap): void {
    writeMapToDoc(this.doc, map, origin, held);
  }
}
