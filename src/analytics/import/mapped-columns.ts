import { ImportError } from "../../domain/errors.js";
import { nameProblem, validName } from "./check-name.js";
import { type ColumnMapping, sameColumn } from "./column-mapping.js";
import type { StartMapper } from "./map-table-rows.js";
import { parseNumber } from "./parse-number.js";
import { parseTime, TIME_FORMATS_HINT } from "./parse-time.js";
import type { PresetEvent, RowMapper } from "./presets/preset-event.js";
import { type Row, RowFault } from "./presets/row.js";

/**
 * The `--map` reading of a table (what CSV files get, for spreadsheets): the mapped person, time
 * and event columns, `id` when present, every other non-empty cell a property, numbers as numbers.
 */
export function mappedColumns(mapping: ColumnMapping, file: string): StartMapper {
  return (header, headerLine) => {
    const find = (wanted: string): string | undefined => header.find((name) => sameColumn(name, wanted));
    const column = (part: "person" | "time" | "event"): string => {
      const name = find(mapping[part]);
      if (name !== undefined) return name;
      throw new ImportError(
        `no "${mapping[part]}" column in the header (${header.join(", ")}); name the ${part} column with --map ${part}=COLUMN`,
        `${file}:${headerLine}:1`,
      );
    };
    const layout = {
      person: column("person"),
      time: column("time"),
      event: column("event"),
      id: find(mapping.id),
    };
    return mapRow(layout);
  };
}

type Layout = { person: string; time: string; event: string; id: string | undefined };

function mapRow(layout: Layout): RowMapper {
  const mapped = new Set([layout.person, layout.time, layout.event, layout.id]);
  return (row: Row): PresetEvent[] => {
    const person = row.text([layout.person]);
    const event = row.text([layout.event]);
    const timeText = row.text([layout.time]);
    if (!validName(person)) throw new RowFault(layout.person, nameProblem("person", person));
    if (!validName(event)) throw new RowFault(layout.event, nameProblem("event", event));
    const time = parseTime(timeText);
    if (time === undefined) {
      throw new RowFault(layout.time, `time "${timeText}" is not a date or time; ${TIME_FORMATS_HINT}`);
    }
    const properties: Record<string, unknown> = {};
    for (const [name, raw] of Object.entries(row.values)) {
      const value = typeof raw === "string" ? raw.trim() : "";
      if (mapped.has(name) || value === "") continue;
      properties[name] = parseNumber(value) ?? value;
    }
    const id = layout.id === undefined ? "" : row.text([layout.id]);
    return [{ person, time, event, properties, id: id || null }];
  };
}
