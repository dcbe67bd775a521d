import { ImportError } from "../../domain/errors.js";

export type TextEncoding = "utf-8" | "windows-1251" | "utf-16le";

/**
 * Decodes a byte stream to text, detecting the encoding on the first chunk: a BOM wins (UTF-8 or
 * UTF-16LE, stripped); otherwise strict UTF-8, falling back to Windows-1251 when the first chunk is
 * not valid UTF-8 — what Russian Excel writes for "CSV (разделители — запятые)".
 */
export async function* decodeText(chunks: AsyncIterable<Uint8Array>, file: string): AsyncGenerator<string> {
  let decoder: TextDecoder | undefined;
  let encoding: TextEncoding = "utf-8";
  for await (const chunk of chunks) {
    if (!decoder) {
      encoding = detectEncoding(chunk);
      decoder = new TextDecoder(encoding, { fatal: encoding === "utf-8" });
    }
    yield decode(decoder, chunk, file, encoding, true);
  }
  if (decoder) yield decode(decoder, undefined, file, encoding, false);
}

function decode(
  decoder: TextDecoder,
  chunk: Uint8Array | undefined,
  file: string,
  encoding: TextEncoding,
  stream: boolean,
): string {
  try {
    return decoder.decode(chunk, { stream });
  } catch {
    throw new ImportError(
      `the file starts as ${encoding} but later bytes are not; save it again as UTF-8`,
      file,
    );
  }
}

export function detectEncoding(head: Uint8Array): TextEncoding {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return "utf-8";
  if (head[0] === 0xff && head[1] === 0xfe) return "utf-16le";
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(head, { stream: true });
    return "utf-8";
  } catch {
    return "windows-1251";
  }
}
