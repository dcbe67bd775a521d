import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { EventRecord } from "../../event.js";
import { DEFAULT_MAPPING, parseMapping } from "../column-mapping.js";
import { openByteSource } from "../open-byte-source.js";
import { type Preset, readEventFile } from "../read-event-file.js";
import { type RowProblem, RowProblems } from "../row-problems.js";

/** Writes a fixture under a fresh temporary folder and returns its path. */
export async function fixture(name: string, content: string | Uint8Array): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), "tropa-preset-"));
  const file = path.join(dir, name);
  await writeFile(file, content);
  return file;
}

export type ReadResult = { events: EventRecord[]; rejected: RowProblem[] };

/** Reads an event file the way `tropa import` does, with a preset (or a `--map`), skipping bad rows. */
export async function readWith(
  file: string,
  options: { preset?: Preset; map?: string },
): Promise<ReadResult> {
  const name = path.basename(file);
  const rejected: RowProblem[] = [];
  const problems = new RowProblems(name, {
    skipInvalid: true,
    onReject: (problem) => rejected.push(problem),
  });
  const mapping = options.map ? parseMapping(options.map) : DEFAULT_MAPPING;
  const events: EventRecord[] = [];
  const bytes = await openByteSource(file);
  for await (const batch of readEventFile(bytes, {
    file: name,
    source: name,
    mapping,
    problems,
    preset: options.preset,
  })) {
    events.push(...batch);
  }
  return { events, rejected };
}

/** The message an atomic read (the default) fails with. */
export async function atomicFailure(file: string, preset: Preset): Promise<string> {
  const name = path.basename(file);
  const problems = new RowProblems(name, { skipInvalid: false });
  const bytes = await openByteSource(file);
  try {
    for await (const _batch of readEventFile(bytes, {
      file: name,
      source: name,
      mapping: DEFAULT_MAPPING,
      problems,
      preset,
    })) {
      // reading is the point: the error comes while the batches stream
    }
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  throw new Error("expected the read to fail");
}

/** Windows-1251 bytes of text holding ASCII, Cyrillic and «», what Russian Excel saves. */
export function cp1251(text: string): Uint8Array {
  const extra: Record<string, number> = { "«": 0xab, "»": 0xbb, "№": 0xb9, ё: 0xb8, Ё: 0xa8, "—": 0x97 };
  return Uint8Array.from(
    [...text].map((ch) => {
      const code = ch.charCodeAt(0);
      if (code >= 0x410 && code <= 0x44f) return code - 0x410 + 0xc0;
      const mapped = extra[ch];
      if (mapped !== undefined) return mapped;
      if (code > 0x7f) throw new Error(`no Windows-1251 byte for ${ch}`);
      return code;
    }),
  );
}

/** Moscow wall-clock time (UTC+3) as epoch milliseconds. */
export function moscow(year: number, month: number, day: number, hour = 0, minute = 0, second = 0): number {
  return Date.UTC(year, month - 1, day, hour - 3, minute, second);
}
