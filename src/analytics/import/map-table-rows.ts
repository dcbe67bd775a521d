import { ImportError } from "../../domain/errors.js";
import type { EventRecord } from "../event.js";
import { nameProblem, validName } from "./check-name.js";
import { EventBatches } from "./event-batches.js";
import type { PresetEvent, RowMapper } from "./presets/preset-event.js";
import { Row, RowFault } from "./presets/row.js";
import type { RowProblems } from "./row-problems.js";
import { type TableRow, uniqueHeader } from "./table-row.js";

export type RowMapperOptions = { file: string; source: string; problems: RowProblems };

/** Builds the mapper for a file once its header is known; throws ImportError when the header does not fit. */
export type StartMapper = (header: string[], headerLine: number) => RowMapper;

/**
 * Events from the rows of a table whose first row is the header: each row goes through the mapper;
 * a row with the wrong number of cells or a RowFault is reported at its `file:line:column`.
 */
export async function* mapTableRows(
  rows: AsyncIterable<TableRow[]>,
  start: StartMapper,
  options: RowMapperOptions,
): AsyncGenerator<EventRecord[]> {
  let header: string[] | undefined;
  let mapper: RowMapper | undefined;
  const batches = new EventBatches();
  for await (const chunk of rows) {
    for (const row of chunk) {
      if (!header || !mapper) {
        header = uniqueHeader(row.fields);
        mapper = start(header, row.line);
        continue;
      }
      addRow(row, header, mapper, options, batches);
    }
    if (batches.full) yield batches.take();
  }
  if (!header) throw new ImportError("the file is empty; expected a header row", options.file);
  options.problems.finish();
  if (batches.size > 0) yield batches.take();
}

function addRow(
  row: TableRow,
  header: string[],
  mapper: RowMapper,
  options: RowMapperOptions,
  batches: EventBatches,
): void {
  const values: Record<string, string> = {};
  for (const [i, name] of header.entries()) values[name] = row.fields[i] ?? "";
  const report = (index: number, reason: string): void => {
    const column = row.columns[index] ?? row.columns[row.columns.length - 1] ?? 1;
    options.problems.report(row.line, column, reason, values);
  };
  if (row.unclosedQuote) {
    report(row.fields.length - 1, "a quoted field is never closed");
    return;
  }
  if (row.fields.length !== header.length) {
    report(
      Math.min(row.fields.length, header.length) - 1,
      `${row.fields.length} fields, but the header has ${header.length}`,
    );
    return;
  }
  const columnOf = (field: string): number => {
    const wanted = field.trim().toLowerCase();
    return Math.max(
      0,
      header.findIndex((name) => name.toLowerCase() === wanted),
    );
  };
  const events = mapRow(new Row(values), mapper, options, (field, reason) => report(columnOf(field), reason));
  if (!options.problems.failed) for (const event of events) batches.add(event);
}

/**
 * Runs the mapper on one record and checks what it built; a fault goes to `report` (with the field
 * it concerns) and the record yields no events.
 */
export function mapRow(
  row: Row,
  mapper: RowMapper,
  options: RowMapperOptions,
  report: (field: string, reason: string) => void,
): EventRecord[] {
  try {
    return mapper(row).map((event) => checked(event, options.source));
  } catch (error) {
    if (!(error instanceof RowFault)) throw error;
    report(error.field, error.message);
    return [];
  }
}

function checked(event: PresetEvent, source: string): EventRecord {
  if (!validName(event.person)) throw new RowFault("", nameProblem("person", event.person));
  if (!validName(event.event)) throw new RowFault("", nameProblem("event", event.event));
  if (!Number.isSafeInteger(event.time)) throw new RowFault("", `time ${event.time} is not an instant`);
  return { ...event, source };
}
