import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readCsvRecords } from "../import/csv-records.js";
import { hasSpaceBeforeQuote, mayHavePaddedFields } from "./csv-field-edges.js";

let dir = "";
let count = 0;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "tropa-field-edges-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function write(text: string): Promise<string> {
  count += 1;
  const file = path.join(dir, `f${count}.csv`);
  await writeFile(file, text);
  return file;
}

/** What the scan must find, by the JS reader's own rule: some field, as it parses it, differs from its trim. */
async function hasPaddedField(records: string, delimiter: string): Promise<boolean> {
  for await (const batch of readCsvRecords(once(records), delimiter)) {
    if (batch.some((record) => record.fields.some((field) => field !== field.trim()))) return true;
  }
  return false;
}

async function* once(text: string): AsyncGenerator<string> {
  yield text;
}

/** A CSV field as a writer quotes it: when it must (delimiter, quote, line break), or when told to. */
function csvField(text: string, delimiter: string, quote: boolean): string {
  const must = text.includes(delimiter) || /["\r\n]/.test(text);
  return must || quote ? `"${text.replaceAll('"', '""')}"` : text;
}

// Whitespace of every width in UTF-8, and characters sharing their first bytes that are not.
const PIECES = [
  "a",
  "Я",
  "1",
  "-",
  " ",
  "\t",
  "\u000b",
  "\u00a0",
  "\u00ab",
  "\u1680",
  "\u2003",
  "\u2010",
  "\u201c",
  "\u2028",
  "\u205f",
  "\u3000",
  "\u3001",
  "\ufeff",
  "\uff01",
  "日",
  "😀",
];
/** Characters that make a writer quote a field. */
const QUOTED_PIECES = [",", ";", '"', "\n", "\r\n"];

describe("mayHavePaddedFields", () => {
  it("finds a padded field exactly when one exists in a file without quotes, wherever the reads split it", async () => {
    const piece = fc.constantFrom(...PIECES);
    const field = fc.array(piece, { maxLength: 4 }).map((chars) => chars.join(""));
    const file = fc.record({
      delimiter: fc.constantFrom(",", ";", "\t"),
      lineBreak: fc.constantFrom("\n", "\r\n", "\r"),
      rows: fc.array(fc.array(field, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 6 }),
      finalBreak: fc.boolean(),
      chunkBytes: fc.integer({ min: 5, max: 40 }),
    });
    await fc.assert(
      fc.asyncProperty(file, async ({ delimiter, lineBreak, rows, finalBreak, chunkBytes }) => {
        const header = `person${delimiter}time${delimiter}event\n`;
        const records =
          rows.map((row) => row.join(delimiter)).join(lineBreak) + (finalBreak ? lineBreak : "");
        const name = await write(header + records);
        const from = Buffer.byteLength(header);
        const found = await mayHavePaddedFields(name, delimiter, from, chunkBytes);
        expect(found).toBe(await hasPaddedField(records, delimiter));
      }),
      { numRuns: 400 },
    );
  });

  it("never misses a padded field in a quoted file, and passes a quoted file without padding", async () => {
    const piece = fc.constantFrom(...PIECES, ...QUOTED_PIECES);
    const text = fc.array(piece, { maxLength: 4 }).map((chars) => chars.join(""));
    const field = fc.record({ text, quote: fc.boolean() });
    const file = fc.record({
      delimiter: fc.constantFrom(",", ";", "\t"),
      lineBreak: fc.constantFrom("\n", "\r\n"),
      rows: fc.array(fc.array(field, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 6 }),
      chunkBytes: fc.integer({ min: 5, max: 40 }),
    });
    await fc.assert(
      fc.asyncProperty(file, async ({ delimiter, lineBreak, rows, chunkBytes }) => {
        const header = `person${delimiter}time${delimiter}event\n`;
        const lines = rows.map((row) => row.map((f) => csvField(f.text, delimiter, f.quote)).join(delimiter));
        const records = lines.join(lineBreak) + lineBreak;
        const name = await write(header + records);
        const found = await mayHavePaddedFields(name, delimiter, Buffer.byteLength(header), chunkBytes);
        if (await hasPaddedField(records, delimiter)) expect(found).toBe(true);
      }),
      { numRuns: 600 },
    );
    const quoteAll = '"u1","2024-06-01","Заявка подана"\r\n"u2","2024-06-02","say:""hi"""\r\n';
    expect(await mayHavePaddedFields(await write(`person,time,event\n${quoteAll}`), ",", 18)).toBe(false);
  });

  it("ignores the header and a tab delimiter, and sees padding inside quotes", async () => {
    const header = " person , time ,event\n";
    const from = Buffer.byteLength(header);
    expect(await mayHavePaddedFields(await write(`${header}u1,2024,visit\n`), ",", from)).toBe(false);
    expect(await mayHavePaddedFields(await write(`${header}u1\t\t2024\tvisit`), "\t", from)).toBe(false);
    expect(await mayHavePaddedFields(await write(`${header}u1\t 2024\tvisit`), "\t", from)).toBe(true);
    expect(await mayHavePaddedFields(await write(`${header}u1,"2024",visit`), ",", from)).toBe(false);
    expect(await mayHavePaddedFields(await write(`${header}u1,"2024 ",visit`), ",", from)).toBe(true);
    expect(await mayHavePaddedFields(await write(`${header}u1,"a\nb",visit`), ",", from)).toBe(false);
    expect(await mayHavePaddedFields(await write(`${header}u1,"a\n",visit`), ",", from)).toBe(true);
    expect(await mayHavePaddedFields(await write(`${header}u1,2024,"\r\nvisit"`), ",", from)).toBe(true);
    expect(await mayHavePaddedFields(await write(`${header}u1,2024,visit\u3000`), ",", from)).toBe(true);
  });
});

describe("hasSpaceBeforeQuote", () => {
  it("finds a quote after spaces at the start of a field only", async () => {
    expect(await hasSpaceBeforeQuote(await write('a,b\n1, "x,y"\n'), ",")).toBe(true);
    expect(await hasSpaceBeforeQuote(await write('a,b\n  "x",1\n'), ",")).toBe(true);
    expect(await hasSpaceBeforeQuote(await write('a,b\n1,"x y"\n2,say "hi"\n'), ",")).toBe(false);
  });
});
