import { readCsvRecords } from "../csv-records.js";
import { detectDelimiter } from "../detect-delimiter.js";
import type { TableRow } from "../table-row.js";

/**
 * The rows of a CSV/TSV export (RFC 4180 quoting), the delimiter forced or detected from the
 * first chunk: `;` from Russian Excel, `,`, or tab.
 */
export async function* readTextRows(
  text: AsyncIterable<string>,
  delimiter?: string,
): AsyncGenerator<TableRow[]> {
  const iterator = text[Symbol.asyncIterator]();
  const head = await iterator.next();
  const first = head.done ? "" : head.value;
  async function* all(): AsyncGenerator<string> {
    yield first;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
  }
  yield* readCsvRecords(all(), delimiter ?? detectDelimiter(first));
}

/**
 * The rows of a ClickHouse `TabSeparatedWithNames` file (Yandex Metrica Logs API): no quoting, a
 * tab or line break inside a value is escaped (`\t`, `\n`, `\\`), so a title starting with `"`
 * stays text. Columns are character columns, for `file:line:column`.
 */
export async function* readTabSeparatedRows(text: AsyncIterable<string>): AsyncGenerator<TableRow[]> {
  let pending = "";
  let line = 0;
  for await (const chunk of text) {
    const lines = (pending + chunk).split("\n");
    pending = lines.pop() ?? "";
    const rows: TableRow[] = [];
    for (const content of lines) {
      line += 1;
      if (content.trim() !== "") rows.push(splitLine(content.replace(/\r$/, ""), line));
    }
    if (rows.length > 0) yield rows;
  }
  if (pending.trim() !== "") yield [splitLine(pending.replace(/\r$/, ""), line + 1)];
}

function splitLine(content: string, line: number): TableRow {
  const raw = content.split("\t");
  const columns: number[] = [];
  let column = 1;
  for (const field of raw) {
    columns.push(column);
    column += field.length + 1;
  }
  return { fields: raw.map(unescapeValue), columns, line, unclosedQuote: false };
}

const ESCAPES: Record<string, string> = { N: "", t: "\t", n: "\n", r: "\r", "\\": "\\", "'": "'", "0": "\0" };

function unescapeValue(field: string): string {
  if (!field.includes("\\")) return field;
  return field.replace(/\\(.)/g, (match, ch: string) => ESCAPES[ch] ?? match);
}
