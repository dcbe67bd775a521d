/** Files up to this size are previewed whole. */
export const WHOLE_PREVIEW_BYTES = 4 * 1024 * 1024;
const HEAD_BYTES = 512 * 1024;
const LINE_FORMATS = /\.(csv|tsv|txt|ndjson|jsonl)$/i;

/**
 * The bytes to send for a preview: the preview shows 20 rows, so a large line-based file sends only
 * its head, cut after the last complete line. Binary and JSON-array files must go whole.
 */
export async function previewBytes(file: Blob & { name: string }): Promise<Blob> {
  if (file.size <= WHOLE_PREVIEW_BYTES || !LINE_FORMATS.test(file.name)) return file;
  const head = new Uint8Array(await file.slice(0, HEAD_BYTES).arrayBuffer());
  const lastNewline = head.lastIndexOf(10);
  return new Blob([lastNewline > 0 ? head.slice(0, lastNewline + 1) : head]);
}
