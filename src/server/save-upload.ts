import { createWriteStream } from "node:fs";
import { mkdtemp, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as WebReadableStream } from "node:stream/web";

/** An uploaded file on disk, in a temp folder of its own; `remove` deletes the folder. */
export type SavedUpload = { file: string; bytes: number; remove: () => Promise<void> };

/**
 * Streams a request body to a temp file named like the upload (the readers judge the format and the
 * compression by the name), so a large event file never sits in memory.
 */
export async function saveUpload(
  body: ReadableStream<Uint8Array> | null,
  filename: string,
): Promise<SavedUpload> {
  const folder = await mkdtemp(path.join(tmpdir(), "tropa-upload-"));
  const remove = () => rm(folder, { recursive: true, force: true });
  const file = path.join(folder, safeName(filename));
  try {
    const source = body ? Readable.fromWeb(body as WebReadableStream<Uint8Array>) : Readable.from([]);
    await pipeline(source, createWriteStream(file));
    return { file, bytes: (await stat(file)).size, remove };
  } catch (error) {
    await remove();
    throw error;
  }
}

/** The last path segment only: an uploaded name must not point outside the temp folder. */
function safeName(filename: string): string {
  const base = path.basename(filename.replaceAll("\\", "/")).trim();
  return base === "" || base === "." || base === ".." ? "upload" : base;
}
