/**
 * One row of a table file (CSV, TSV, XLSX): its cells as text, each cell's 1-based column (a
 * character column in text files, the cell's column number in a spreadsheet) and its 1-based line.
 */
export type TableRow = { fields: string[]; columns: number[]; line: number; unclosedQuote: boolean };

/** Duplicate headers keep both columns: the second `utm_source` becomes `utm_source#2` (amoCRM). */
export function uniqueHeader(names: string[]): string[] {
  const seen = new Map<string, number>();
  return names.map((raw) => {
    const name = raw.trim();
    const count = (seen.get(name) ?? 0) + 1;
    seen.set(name, count);
    return count === 1 ? name : `${name}#${count}`;
  });
}
