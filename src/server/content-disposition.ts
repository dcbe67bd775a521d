/**
 * An attachment header that keeps non-ASCII titles (Cyrillic ones included) intact in modern browsers,
 * with a plain ASCII fallback for the rest; quotes, slashes and control characters never reach the header.
 */
export function contentDisposition(filename: string): string {
  const safe = Array.from(filename, (ch) => (isUnsafe(ch) ? "_" : ch)).join("");
  const ascii = Array.from(safe, (ch) => (ch.charCodeAt(0) > 0x7e ? "_" : ch)).join("");
  // RFC 5987 leaves ' ( ) * out of the plain characters, encodeURIComponent does not.
  const encoded = encodeURIComponent(safe).replace(
    /['()*]/g,
    (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

function isUnsafe(ch: string): boolean {
  const code = ch.charCodeAt(0);
  return code < 0x20 || code === 0x7f || ch === '"' || ch === "\\" || ch === "/";
}
