import { createHash } from "node:crypto";

/** Longest database name `qualifiedTable` accepts. */
const MAX_NAME = 64;

/**
 * The ClickHouse database holding one workspace's events: `tropa_ws_` + the id, every character
 * other than a letter or digit written as `_` + its hex code (so `a-b` and `a_b` stay apart); an
 * id too long for that gets `tropa_wh_` + a SHA-256 prefix instead. Never needs quoting.
 * @example workspaceDatabase("3f2a9c01d4e5b6a7") → "tropa_ws_3f2a9c01d4e5b6a7"
 */
export function workspaceDatabase(workspaceId: string): string {
  const escaped = [...workspaceId]
    .map((char) => (/^[A-Za-z0-9]$/.test(char) ? char : `_${hexOf(char)}`))
    .join("");
  const name = `tropa_ws_${escaped}`;
  if (name.length <= MAX_NAME) return name;
  return `tropa_wh_${createHash("sha256").update(workspaceId).digest("hex").slice(0, 40)}`;
}

function hexOf(char: string): string {
  return Buffer.from(char, "utf8").toString("hex");
}
