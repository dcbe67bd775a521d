/**
 * Colours for people in the editor: dark enough for white initials and readable as an outline on the
 * light map (each passes 4.5:1 against white).
 */
export const PRESENCE_COLOURS = [
  "#b91c1c",
  "#c2410c",
  "#a16207",
  "#15803d",
  "#0f766e",
  "#0369a1",
  "#4338ca",
  "#7e22ce",
  "#be185d",
  "#4d7c0f",
] as const;

/** The same person gets the same colour in every tab and on every screen: it follows from their id. */
export function colourOf(userId: string): string {
  // FNV-1a: a tiny, well-spread string hash; cryptographic strength is not needed for a colour.
  let hash = 0x811c9dc5;
  for (let i = 0; i < userId.length; i++) {
    hash ^= userId.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return PRESENCE_COLOURS[(hash >>> 0) % PRESENCE_COLOURS.length] ?? PRESENCE_COLOURS[0];
}
