import { timingSafeEqual } from "node:crypto";
import type { Actor } from "../policy.js";

/** The header a signed-in browser sends its session's CSRF token in on every write. */
export const CSRF_HEADER = "x-tropa-csrf";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** Reads never need the token; writes need the one issued with the session (a cross-site form cannot know it). */
export function passesCsrfCheck(actor: Actor, method: string, header: string | undefined): boolean {
  if (SAFE_METHODS.has(method)) return true;
  if (actor.kind !== "user" || !header) return false;
  const expected = Buffer.from(actor.csrfToken);
  const given = Buffer.from(header);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
