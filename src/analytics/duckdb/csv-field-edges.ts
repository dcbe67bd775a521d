import { open } from "node:fs/promises";

/**
 * Byte scans of a CSV for what DuckDB's `read_csv` reads differently from the JS reader at the
 * edges of fields. Both run at memchr speed (Buffer.indexOf) over the file before the bulk path
 * reads it, so a large file costs a fraction of a second.
 */

/** Read size of a scan. */
const SCAN_BYTES = 4 * 1024 * 1024;
const NEWLINE = 0x0a;
const RETURN = 0x0d;
const QUOTE = 0x22;

/**
 * The characters `String.prototype.trim` removes, as UTF-8, grouped by their first byte; line
 * breaks are left out (they end records). Derived from the JS engine itself, so the scan and the
 * JS reader cannot disagree on what is whitespace.
 */
const TRIMMED_BY_LEAD = groupByLead(jsWhitespace().filter((c) => c !== "\n" && c !== "\r"));
/** A chunk is read again from this many bytes before its end: the longest sequence plus the byte before it. */
const OVERLAP = 4;

function jsWhitespace(): string[] {
  const found: string[] = [];
  for (let code = 0; code <= 0xffff; code++) {
    const isSurrogate = code >= 0xd800 && code <= 0xdfff;
    const char = String.fromCharCode(code);
    if (!isSurrogate && char.trim() === "") found.push(char);
  }
  return found;
}

function groupByLead(chars: string[]): Map<number, Buffer[]> {
  const byLead = new Map<number, Buffer[]>();
  for (const char of chars) {
    const bytes = Buffer.from(char, "utf8");
    const lead = bytes[0] ?? 0;
    byLead.set(lead, [...(byLead.get(lead) ?? []), bytes]);
  }
  return byLead;
}

/**
 * Whether some field of the records after byte `from` (the end of the header line) may start or
 * end with whitespace the JS reader would trim: a whitespace character next to the delimiter, a
 * line break, a quote or the end of the file, or a quoted field starting or ending with a line
 * break. Conservative (quotes are not tracked, so `"Moscow, Russia"` counts as padded, and with a
 * tab delimiter any quote does), so `false` means every cell can be taken exactly as `read_csv`
 * gives it.
 */
export async function mayHavePaddedFields(
  file: string,
  delimiter: string,
  from: number,
  chunkBytes = SCAN_BYTES,
): Promise<boolean> {
  const separator = delimiter.charCodeAt(0);
  // A tab delimiter is also whitespace: inside quotes it may pad a field, and the scan cannot tell.
  const quotesArePadding = TRIMMED_BY_LEAD.has(separator);
  const isEdge = (byte: number): boolean =>
    byte === separator || byte === NEWLINE || byte === RETURN || byte === QUOTE;
  const handle = await open(file, "r");
  try {
    const buffer = Buffer.alloc(Math.max(chunkBytes, OVERLAP + 1));
    for (let position = from; ; ) {
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, position);
      const chunk = buffer.subarray(0, bytesRead);
      const last = bytesRead < buffer.length;
      if (quotesArePadding && chunk.includes(QUOTE)) return true;
      const range = { first: position === from, last };
      if (paddedFieldIn(chunk, range, separator, isEdge)) return true;
      if (lineBreakInQuotesIn(chunk, range, separator)) return true;
      if (last) return false;
      position += bytesRead - OVERLAP;
    }
  } finally {
    await handle.close();
  }
}

/**
 * Looks for a whitespace sequence next to a field edge. Chunks overlap by OVERLAP bytes: a
 * sequence starting in the last OVERLAP - 1 bytes is judged in the next chunk, where it has its
 * following byte; the next chunk's first byte was judged in this one.
 */
function paddedFieldIn(
  chunk: Buffer,
  range: { first: boolean; last: boolean },
  separator: number,
  isEdge: (byte: number) => boolean,
): boolean {
  const end = range.last ? chunk.length : chunk.length - (OVERLAP - 1);
  for (const [lead, sequences] of TRIMMED_BY_LEAD) {
    // A tab delimiter is the edge itself, not padding.
    if (lead === separator) continue;
    for (let i = chunk.indexOf(lead); i >= 0 && i < end; i = chunk.indexOf(lead, i + 1)) {
      if (i === 0 && !range.first) continue;
      const length = sequenceAt(chunk, i, sequences);
      if (length === 0) continue;
      const before = i === 0 ? NEWLINE : (chunk[i - 1] ?? NEWLINE);
      const after = chunk[i + length] ?? NEWLINE;
      if (isEdge(before) || isEdge(after)) return true;
    }
  }
  return false;
}

/**
 * A quote opening a field (after a delimiter or a line break) followed by a line break, or a quote
 * closing one (before a delimiter, a line break or the end) preceded by a line break: that field
 * starts or ends with a line break, which `trim()` removes.
 */
function lineBreakInQuotesIn(
  chunk: Buffer,
  range: { first: boolean; last: boolean },
  separator: number,
): boolean {
  const isBreak = (byte: number | undefined): boolean => byte === NEWLINE || byte === RETURN;
  const isBoundary = (byte: number | undefined): boolean => byte === separator || isBreak(byte);
  const end = range.last ? chunk.length : chunk.length - (OVERLAP - 1);
  for (let i = chunk.indexOf(QUOTE); i >= 0 && i < end; i = chunk.indexOf(QUOTE, i + 1)) {
    if (i === 0 && !range.first) continue;
    const before = i === 0 ? NEWLINE : chunk[i - 1];
    const after = i + 1 < chunk.length ? chunk[i + 1] : NEWLINE;
    if ((isBoundary(before) && isBreak(after)) || (isBreak(before) && isBoundary(after))) return true;
  }
  return false;
}

/** The length of the whitespace sequence at `i`, 0 when the bytes there are another character. */
function sequenceAt(chunk: Buffer, i: number, sequences: Buffer[]): number {
  const match = sequences.find(
    (bytes) =>
      i + bytes.length <= chunk.length && chunk.compare(bytes, 0, bytes.length, i, i + bytes.length) === 0,
  );
  return match?.length ?? 0;
}

/**
 * DuckDB reads `a, "b,c"` as two fields (it skips spaces before a quote) where the JS reader, like
 * Excel, keeps the quote as text; a file with a quote after spaces at the start of a field takes
 * the JS path.
 */
export async function hasSpaceBeforeQuote(file: string, delimiter: string): Promise<boolean> {
  const handle = await open(file, "r");
  try {
    const buffer = Buffer.alloc(SCAN_BYTES);
    let position = 0;
    // The byte before each read: a space run may start in the previous read.
    let before = NEWLINE;
    let spacesBefore = false;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, 0, SCAN_BYTES, position);
      if (bytesRead === 0) return false;
      const chunk = buffer.subarray(0, bytesRead);
      if (quoteAfterFieldSpaces(chunk, delimiter.charCodeAt(0), before, spacesBefore)) return true;
      const last = lastNonSpace(chunk);
      spacesBefore = last < chunk.length - 1 || (last < 0 && spacesBefore);
      if (last >= 0) before = chunk[last] ?? NEWLINE;
      position += bytesRead;
    }
  } finally {
    await handle.close();
  }
}

function isSpace(byte: number | undefined): boolean {
  return byte === 0x20 || byte === 0x09;
}

/** True when a quote follows one or more spaces that follow a delimiter or a line break. */
function quoteAfterFieldSpaces(
  chunk: Buffer,
  delimiter: number,
  before: number,
  spacesBefore: boolean,
): boolean {
  for (let quote = chunk.indexOf(QUOTE); quote >= 0; quote = chunk.indexOf(QUOTE, quote + 1)) {
    let start = quote;
    while (start > 0 && isSpace(chunk[start - 1])) start -= 1;
    const spaces = start < quote || (start === 0 && spacesBefore);
    if (!spaces) continue;
    const previous = start > 0 ? chunk[start - 1] : before;
    if (previous === delimiter || previous === NEWLINE || previous === RETURN) return true;
  }
  return false;
}

function lastNonSpace(chunk: Buffer): number {
  let i = chunk.length - 1;
  while (i >= 0 && isSpace(chunk[i])) i -= 1;
  return i;
}
