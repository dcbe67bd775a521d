/** One CSV record with where it starts: `line` (1-based) and each field's 1-based character column. */
export type CsvRecord = { fields: string[]; columns: number[]; line: number; unclosedQuote: boolean };

/**
 * Splits decoded text chunks into RFC 4180 records (quoted fields may hold delimiters, quotes and
 * line breaks), keeping the line and column of every field so errors can point at the cell.
 * Lenient like Excel: a stray quote inside an unquoted field is kept as text. Blank lines are skipped.
 */
export async function* readCsvRecords(
  chunks: AsyncIterable<string>,
  delimiter: string,
): AsyncGenerator<CsvRecord[]> {
  const state = new CsvState(delimiter);
  for await (const chunk of chunks) {
    state.feed(chunk);
    if (state.records.length > 0) yield state.take();
  }
  state.end();
  if (state.records.length > 0) yield state.take();
}

class CsvState {
  records: CsvRecord[] = [];
  private fields: string[] = [];
  private columns: number[] = [];
  private field = "";
  private quoted = false;
  private inQuotes = false;
  private quoteSeen = false;
  private afterCr = false;
  private line = 1;
  private column = 1;
  private recordLine = 1;
  private fieldColumn = 1;

  constructor(private readonly delimiter: string) {}

  take(): CsvRecord[] {
    const taken = this.records;
    this.records = [];
    return taken;
  }

  feed(text: string): void {
    for (let i = 0; i < text.length; i++) this.step(text[i] as string);
  }

  end(): void {
    if (this.inQuotes && !this.quoteSeen) {
      this.endRecord(true);
      return;
    }
    if (this.fields.length > 0 || this.field !== "" || this.quoted) this.endRecord(false);
  }

  private step(ch: string): void {
    if (this.afterCr) {
      this.afterCr = false;
      if (ch === "\n") return;
    }
    if (this.inQuotes) {
      this.stepQuoted(ch);
      return;
    }
    this.stepPlain(ch);
  }

  private stepQuoted(ch: string): void {
    if (this.quoteSeen) {
      this.quoteSeen = false;
      if (ch === '"') {
        this.field += '"';
        this.column += 1;
        return;
      }
      this.inQuotes = false;
      this.stepPlain(ch);
      return;
    }
    if (ch === '"') {
      this.quoteSeen = true;
      this.column += 1;
      return;
    }
    this.field += ch;
    this.advance(ch);
  }

  private stepPlain(ch: string): void {
    if (ch === this.delimiter) {
      this.endField();
      this.column += 1;
      this.fieldColumn = this.column;
      return;
    }
    if (ch === "\n" || ch === "\r") {
      if (this.fields.length > 0 || this.field !== "" || this.quoted) this.endRecord(false);
      this.newLine(ch);
      this.recordLine = this.line;
      this.fieldColumn = 1;
      return;
    }
    if (ch === '"' && this.field === "" && !this.quoted) {
      this.inQuotes = true;
      this.quoted = true;
      this.column += 1;
      return;
    }
    this.field += ch;
    this.column += 1;
  }

  private advance(ch: string): void {
    if (ch === "\n" || ch === "\r") this.newLine(ch);
    else this.column += 1;
  }

  private newLine(ch: string): void {
    this.afterCr = ch === "\r";
    this.line += 1;
    this.column = 1;
  }

  private endField(): void {
    this.fields.push(this.field);
    this.columns.push(this.fieldColumn);
    this.field = "";
    this.quoted = false;
  }

  private endRecord(unclosedQuote: boolean): void {
    this.endField();
    this.records.push({
      fields: this.fields,
      columns: this.columns,
      line: this.recordLine,
      unclosedQuote,
    });
    this.fields = [];
    this.columns = [];
    this.inQuotes = false;
  }
}
