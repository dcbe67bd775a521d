import { open } from "node:fs/promises";
import type { BulkCsvRequest } from "../import/bulk-csv-store.js";
import { sameColumn } from "../import/column-mapping.js";
import { readCsvRecords } from "../import/csv-records.js";
import { detectDelimiter } from "../import/detect-delimiter.js";
import { MAX_NAME_LENGTH } from "../import/event-batches.js";
import { uniqueNames } from "../import/read-csv-events.js";
import { type BulkRows, DECLINE_ROW } from "./bulk-rows.js";
import { hasSpaceBeforeQuote, mayHavePaddedFields } from "./csv-field-edges.js";
import { SqlParams } from "./sql-params.js";

/**
 * Reads a plain CSV with DuckDB's `read_csv` for the store to append, parsing and validating in SQL
 * exactly as the JS reader does (read-csv-events.ts, parse-time.ts, parse-number.ts), about 50×
 * faster. The SQL is deliberately conservative: whatever it is not sure to read the same way (a bad
 * row, a rare time format, a number JS would print in exponent form) makes the whole file go
 * through the JS reader instead, which also reports the precise `file:line:column: reason`.
 */

/** What the JS reader sniffs: its first chunk is 256 KiB (open-byte-source.ts). */
const SNIFF_BYTES = 256 * 1024;

/** String.prototype.trim's whitespace, for RE2: ASCII spaces, \v, Unicode separators, the BOM. */
const SPACE = "[\\s\\x0b\\pZ\\x{feff}]";
/** The patterns of parse-time.ts and parse-number.ts, unchanged (RE2 reads them the same way). */
const EPOCH = "^-?\\d{1,16}$";
const ISO =
  "^(\\d{4})-(\\d{2})-(\\d{2})(?:[T ](\\d{2}):(\\d{2})(?::(\\d{2})(?:[.,](\\d{1,9}))?)?)?\\s*(Z|[+-]\\d{2}(?::?\\d{2})?)?$";
/** Hours up to 23 only: DuckDB's cast would read 24:00:00 as midnight of the next day. */
const WHOLE_SECONDS = "^\\d{4}-\\d{2}-\\d{2}[Tt ](?:[01]\\d|2[0-3]):[0-5]\\d:[0-5]\\d[Zz]?$";
const DOTTED = "^(\\d{1,2})\\.(\\d{1,2})\\.(\\d{4})(?:[ T](\\d{1,2}):(\\d{2})(?::(\\d{2}))?)?$";
const PLAIN = "^-?(?:0|[1-9]\\d{0,14})(?:[.,]\\d+)?$";
const GROUP_SPACE = "[ \\x{a0}\\x{202f}]";
const GROUPED = `^-?[1-9]\\d{0,2}(?:${GROUP_SPACE}\\d{3})+(?:[.,]\\d+)?$`;

/** The header's names, the delimiter, and where the records start (after the first line break). */
type Header = { names: string[]; delimiter: string; end: number };
type Columns = { person: number; time: number; event: number; id: number };

/**
 * The ways to read the CSV in bulk, tried in turn by the store: first with the common time formats
 * only (no capturing regexes), then, if some row has another one, with every format parse-time.ts
 * reads. Undefined when the file must go through the JS reader. Any row the SQL cannot read as
 * the JS reader does aborts the attempt, and so does read_csv refusing the file (a row with another
 * field count, an unclosed quote, bytes that are not UTF-8): the JS reader then says precisely
 * where, or reads the encoding it detects.
 */
export async function bulkCsvRows(request: BulkCsvRequest): Promise<BulkRows[] | undefined> {
  const header = await readHeader(request);
  if (!header) return undefined;
  const columns = findColumns(header.names, request);
  if (!columns || !plainPropertyNames(header.names, columns)) return undefined;
  // Most files have no padded cell; trimming every cell in SQL cost over a second of a 10M import.
  const padded = await mayHavePaddedFields(request.file, header.delimiter, header.end);
  if (padded && (await hasSpaceBeforeQuote(request.file, header.delimiter))) return undefined;
  return (["common", "all"] as const).map((times) => {
    const params = new SqlParams();
    const sql = rowsSql(header, columns, request, params, { times, padded });
    return { sql, params: params.values };
  });
}

/** The header row as the JS reader sees it, or undefined when the file is not plain UTF-8 text. */
async function readHeader(request: BulkCsvRequest): Promise<Header | undefined> {
  const head = await readStart(request.file);
  if (head[0] === 0xff && head[1] === 0xfe) return undefined;
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(head, { stream: true });
  } catch {
    return undefined;
  }
  const delimiter = request.delimiter ?? detectDelimiter(text);
  for await (const records of readCsvRecords(once(text), delimiter)) {
    const first = records[0];
    // A header after blank lines, or one longer than the sniffed text, is left to the JS reader.
    if (first?.line !== 1 || records.length < 2) return undefined;
    const names = uniqueNames(first.fields.map((name) => name.trim()));
    return { names, delimiter, end: firstLineEnd(head) };
  }
  return undefined;
}

/** Just past the first line break (`\n`, `\r` or `\r\n` all end a line); 0 when there is none. */
function firstLineEnd(head: Uint8Array): number {
  const breaks = [head.indexOf(0x0a), head.indexOf(0x0d)].filter((i) => i >= 0);
  return breaks.length > 0 ? Math.min(...breaks) + 1 : 0;
}

async function* once(text: string): AsyncGenerator<string> {
  yield text;
}

async function readStart(file: string): Promise<Uint8Array> {
  const handle = await open(file, "r");
  try {
    const buffer = Buffer.alloc(SNIFF_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, SNIFF_BYTES, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

function findColumns(names: string[], request: BulkCsvRequest): Columns | undefined {
  const find = (wanted: string): number => names.findIndex((name) => sameColumn(name, wanted));
  const columns = {
    person: find(request.mapping.person),
    time: find(request.mapping.time),
    event: find(request.mapping.event),
    id: find(request.mapping.id),
  };
  if (columns.person < 0 || columns.time < 0 || columns.event < 0) return undefined;
  return columns;
}

/**
 * JS objects put array-index keys ("2024") first and drop `__proto__`, so JSON.stringify would
 * not keep the header's order; such headers go through the JS reader.
 */
function plainPropertyNames(names: string[], columns: Columns): boolean {
  return names.every((name, i) => isEventColumn(i, columns) || plainPropertyName(name));
}

/** A property name JSON.stringify keeps in place (not an array index, not `__proto__`). */
export function plainPropertyName(name: string): boolean {
  return name !== "__proto__" && !/^(?:0|[1-9]\d*)$/.test(name);
}

function isEventColumn(i: number, columns: Columns): boolean {
  return i === columns.person || i === columns.time || i === columns.event || i === columns.id;
}

function rowsSql(
  header: Header,
  columns: Columns,
  request: BulkCsvRequest,
  params: SqlParams,
  { times, padded }: { times: "common" | "all"; padded: boolean },
): string {
  const csvColumns = header.names.map((_, i) => `'c${i}': 'VARCHAR'`).join(", ");
  const cell = (i: number): string => {
    if (!padded) return `coalesce(c${i}, '')`;
    // The common time formats' regexes refuse spaces, so a padded time is read on the second pass.
    return i === columns.time && times === "common" ? `c${i}` : jsTrim(`c${i}`);
  };
  const trimmed = header.names.map((_, i) => `${cell(i)} AS v${i}`);
  const properties = header.names.flatMap((name, i) => (isEventColumn(i, columns) ? [] : [{ name, i }]));
  const numbers = properties.map(({ i }) => `, ${numberOf(`v${i}`)} AS n${i}`);
  const json = properties.map(({ i }) => `, ${propertyJson(`v${i}`, `n${i}`)} AS j${i}`);
  const parts = properties.map(
    ({ name, i }) => `CASE WHEN j${i} <> '' THEN ${sqlText(`${JSON.stringify(name)}:`)} || j${i} END`,
  );
  const checks = [
    validName("person"),
    validName("event"),
    "time IS NOT NULL",
    ...properties.map(({ i }) => `j${i} IS NOT NULL`),
  ];
  const time = `v${columns.time}`;
  return `
SELECT CASE WHEN ${checks.join(" AND ")} THEN person ELSE ${DECLINE_ROW} END AS person, time, event,
       '{' || concat_ws(',', ${parts.length > 0 ? parts.join(", ") : "NULL"}) || '}' AS properties,
       ${params.bind(request.source)} AS source, id
FROM (
  SELECT v${columns.person} AS person, v${columns.event} AS event, ${timeMs(time, times)} AS time,
         ${columns.id >= 0 ? `nullif(v${columns.id}, '')` : "NULL::VARCHAR"} AS id${json.join("")}
  FROM (
    SELECT *${times === "all" ? timePartsSql(time) : ""}${numbers.join("")}
    FROM (
      SELECT ${trimmed.join(", ")}
      FROM read_csv(${params.bind(request.file)}, auto_detect = false, header = true,
        delim = ${params.bind(header.delimiter)}, quote = '"', escape = '"',
        columns = {${csvColumns}}, strict_mode = true, null_padding = false)
    )
  )
)`;
}

/**
 * `(x ?? "").trim()` in SQL. A cell that starts and ends with a printable ASCII character is left
 * as is, and a NULL (an empty CSV cell) is '' at once: the regex runs only on the rare padded cell.
 * `x[-1]` is the last code point (`right(x, 1)`, a grapheme, costs twice as much).
 */
export function jsTrim(x: string): string {
  const plain = (c: string): string => `${c} BETWEEN 33 AND 126`;
  return `CASE WHEN ${x} IS NULL THEN '' WHEN ${plain(`ascii(${x})`)} AND ${plain(`ascii(${x}[-1])`)} THEN ${x}
    ELSE regexp_replace(${x}, '^${SPACE}+|${SPACE}+$', '', 'g') END`;
}

export function validName(value: string): string {
  return `${value} <> '' AND strlen(${value}) <= ${MAX_NAME_LENGTH}`;
}

/** parseNumber(v) as a DOUBLE, NULL when the cell is text. */
function numberOf(v: string): string {
  return `CAST(CASE WHEN NOT (ascii(${v}) BETWEEN 48 AND 57 OR ascii(${v}) = 45) THEN NULL
    WHEN regexp_full_match(${v}, '${PLAIN}') THEN replace(${v}, ',', '.')
    WHEN regexp_full_match(${v}, '${GROUPED}')
    THEN replace(regexp_replace(${v}, '${GROUP_SPACE}', '', 'g'), ',', '.') END AS DOUBLE)`;
}

/**
 * A trimmed cell as the JSON text JSON.stringify gives for parseNumber(v) ?? v; '' for an empty
 * cell (no property); NULL when unsure (the file then takes the JS path).
 */
function propertyJson(v: string, n: string): string {
  return `CASE
    WHEN ${v} = '' THEN ''
    WHEN ${n} IS NULL THEN ${textJson(v)}
    ELSE ${numberJson(n)}
  END`;
}

/**
 * JSON.stringify(v) of a non-null text, NULL when unsure: DuckDB writes the control characters
 * JSON.stringify escapes as `\u001f` in upper case (`\u001F`), so any `\u00` in its output (those,
 * or a backslash followed by `u00` in the text) leaves the file to the JS reader. Cheaper than a
 * regex over the text; DuckDB computes the repeated `to_json` once.
 */
export function textJson(v: string): string {
  const json = `to_json(${v})::VARCHAR`;
  return `CASE WHEN NOT contains(${json}, '\\u00') THEN ${json} END`;
}

/** JSON.stringify(n) of a non-null DOUBLE, NULL when unsure (exponent form, NaN, infinities). */
export function numberJson(n: string): string {
  return `CASE
    WHEN abs(${n}) >= 1e15 THEN NULL
    WHEN ${n} = trunc(${n}) THEN CAST(CAST(${n} AS BIGINT) AS VARCHAR)
    WHEN abs(${n}) >= 1e-6 THEN to_json(${n})::VARCHAR
  END`;
}

/**
 * parse-time.ts in SQL. "common": epoch seconds/ms/µs and whole-second ISO times without an offset
 * (`2025-01-31T10:00:00Z`, `2025-01-31 10:00:00`), which DuckDB's own cast reads exactly; "all":
 * also fractions, offsets, dates alone and DD.MM.YYYY, through the same regexes as parse-time.ts.
 * NULL when the text is none of them.
 */
function timeMs(t: string, times: "common" | "all"): string {
  const epoch = `TRY_CAST(${t} AS DOUBLE)`;
  // DuckDB's cast takes `T` and `Z` but not `t` and `z` (rtrim-ing them costs 5× the cast); those,
  // and impossible dates, fall to the ISO regex on the second pass.
  const cast = `TRY_CAST(${t} AS TIMESTAMP)`;
  // The lengths the regexes allow (bytes), checked first: a regex costs five times more.
  const common = `
    WHEN strlen(${t}) <= 17 AND regexp_full_match(${t}, '${EPOCH}') THEN CASE WHEN abs(${epoch}) < 1e11 THEN ${epoch} * 1000
      WHEN abs(${epoch}) >= 1e14 THEN floor(${epoch} / 1000) ELSE ${epoch} END
    WHEN strlen(${t}) IN (19, 20) AND regexp_full_match(${t}, '${WHOLE_SECONDS}') AND NOT starts_with(${t}, '00') AND ${cast} IS NOT NULL
    THEN epoch_ms(${cast})`;
  if (times === "common") return `CASE ${common} END`;
  return `CASE ${common}
    WHEN iso.y <> '' THEN ${utcMs("iso")} - (${offsetMinutes("iso.z")}) * 60000
    WHEN dot.y <> '' THEN ${utcMs("dot")}
  END`;
}

function timePartsSql(t: string): string {
  return `, regexp_extract(${t}, '${ISO}', ['y', 'mo', 'd', 'h', 'mi', 's', 'f', 'z'], 'i') AS iso,
           regexp_extract(${t}, '${DOTTED}', ['d', 'mo', 'y', 'h', 'mi', 's']) AS dot`;
}

/**
 * Date.UTC of the parts, NULL for impossible dates (31.02, month 13, 25:00) as in parse-time.ts.
 * Years below 100 are left to the JS reader (Date.UTC reads them as 19xx).
 */
function utcMs(m: string): string {
  const part = (name: string, fallback: string): string =>
    `CAST(coalesce(nullif(${m}.${name}, ''), '${fallback}') AS INTEGER)`;
  const [y, mo, d, h, mi, s] = [
    part("y", "0"),
    part("mo", "0"),
    part("d", "0"),
    part("h", "0"),
    part("mi", "0"),
    part("s", "0"),
  ];
  const fraction =
    m === "iso" ? `coalesce(floor(CAST('0.' || nullif(${m}.f, '') AS DOUBLE) * 1000), 0)` : "0";
  const leap = `((${y} % 4 = 0 AND ${y} % 100 <> 0) OR ${y} % 400 = 0)`;
  const days = `CASE WHEN ${mo} = 2 THEN CASE WHEN ${leap} THEN 29 ELSE 28 END WHEN ${mo} IN (4, 6, 9, 11) THEN 30 ELSE 31 END`;
  return `CASE WHEN ${y} >= 100 AND ${mo} BETWEEN 1 AND 12 AND ${d} BETWEEN 1 AND ${days}
      AND ${h} <= 23 AND ${mi} <= 59 AND ${s} <= 59
    THEN epoch_ms(make_timestamp(${y}, ${mo}, ${d}, ${h}, ${mi}, ${s})) + ${fraction} END`;
}

/** The zone's offset in minutes (0 for none or Z), NULL for hours above 23 or minutes above 59. */
function offsetMinutes(zone: string): string {
  const digits = `replace(substr(${zone}, 2), ':', '')`;
  const hours = `CAST(substr(${digits}, 1, 2) AS INTEGER)`;
  const minutes = `CAST(coalesce(nullif(substr(${digits}, 3), ''), '0') AS INTEGER)`;
  return `CASE WHEN ${zone} = '' OR upper(${zone}) = 'Z' THEN 0
    WHEN ${hours} <= 23 AND ${minutes} <= 59
    THEN CASE WHEN ${zone}[1] = '-' THEN -1 ELSE 1 END * (${hours} * 60 + ${minutes}) END`;
}

/** A SQL string literal (keys come from the file's header). */
export function sqlText(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}
