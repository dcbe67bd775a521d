import type { LinkState } from "../live/link-state.js";

/**
 * What the save indicator says. Edits go into the live document at once; "saving" means the server has
 * not stored them yet, "offline" that they are kept here and sent when the connection returns.
 */
export type SaveState = "connecting" | "saved" | "saving" | "offline" | "unreachable" | "refused";

export function saveStateOf(link: LinkState, pending: boolean): SaveState {
  if (link.kind === "live") return pending ? "saving" : "saved";
  if (link.kind === "offline") return "offline";
  if (link.kind === "refused") return "refused";
  if (link.kind === "unreachable") return "unreachable";
  return "connecting";
}
