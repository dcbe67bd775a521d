import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import path from "node:path";
import { pipeline, Readable } from "node:stream";
import { createGunzip } from "node:zlib";
import yauzl from "yauzl";
import { ImportError } from "../../domain/errors.js";

/**
 * The bytes of an event file, decompressed on the fly: `.gz` through a gunzip stream, `.zip`
 * through its first file entry. `innerName` is the name the format is judged by
 * (`log.xes.gz` → `log.xes`); `bytesRead` counts against `totalBytes` for progress.
 */
export type ByteSource = {
  innerName: string;
  totalBytes: number;
  bytesRead: () => number;
  chunks: AsyncIterable<Uint8Array>;
};

export async function openByteSource(file: string): Promise<ByteSource> {
  const name = path.basename(file);
  if (/\.zip$/i.test(name)) return openZipEntry(file);
  const totalBytes = (await stat(file)).size;
  const raw = createReadStream(file, { highWaterMark: 256 * 1024 });
  if (!/\.gz$/i.test(name)) {
    const counter = new ByteCounter(raw);
    return { innerName: name, totalBytes, bytesRead: () => counter.read, chunks: counter.chunks() };
  }
  const counter = new ByteCounter(raw);
  const gunzip = pipeline(Readable.from(counter.chunks()), createGunzip(), () => {});
  return {
    innerName: name.slice(0, -3),
    totalBytes,
    bytesRead: () => counter.read,
    chunks: explainGzip(gunzip, name),
  };
}

/** Counts bytes as they are consumed (a "data" listener would start the stream before anyone reads). */
class ByteCounter {
  read = 0;
  constructor(private readonly source: AsyncIterable<Uint8Array>) {}

  async *chunks(): AsyncGenerator<Uint8Array> {
    for await (const chunk of this.source) {
      this.read += chunk.length;
      yield chunk;
    }
  }
}

async function* explainGzip(chunks: AsyncIterable<Uint8Array>, name: string): AsyncGenerator<Uint8Array> {
  try {
    yield* chunks;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new ImportError(`cannot decompress (${message}); is the download complete?`, name);
  }
}

function openZipEntry(file: string): Promise<ByteSource> {
  const name = path.basename(file);
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true }, (error, zip) => {
      if (error || !zip) {
        reject(new ImportError(`not a readable zip archive (${error?.message ?? "unknown error"})`, name));
        return;
      }
      zip.on("entry", (entry: yauzl.Entry) => {
        if (entry.fileName.endsWith("/")) {
          zip.readEntry();
          return;
        }
        zip.openReadStream(entry, (streamError, stream) => {
          if (streamError || !stream) {
            reject(new ImportError(`cannot read ${entry.fileName} in the archive`, name));
            return;
          }
          const counter = new ByteCounter(stream);
          stream.on("end", () => zip.close());
          resolve({
            innerName: path.basename(entry.fileName),
            totalBytes: entry.uncompressedSize,
            bytesRead: () => counter.read,
            chunks: counter.chunks(),
          });
        });
      });
      zip.on("end", () => reject(new ImportError("the zip archive holds no file", name)));
      zip.readEntry();
    });
  });
}
