import { z } from "zod";

/**
 * What each client publishes in the awareness channel. Other clients' states are untrusted input, so
 * they are parsed; a malformed one is ignored instead of breaking the editor.
 */
export const presenceStateSchema = z.object({
  user: z.object({
    id: z.string().max(200),
    name: z.string().max(200),
    color: z.string().regex(/^#[0-9a-f]{6}$/i),
  }),
  focus: z
    .object({
      stageId: z.string().max(200).optional(),
      cardId: z.string().max(200).optional(),
    })
    .default({}),
});
export type PresenceState = z.infer<typeof presenceStateSchema>;
export type PresenceUser = PresenceState["user"];
export type PresenceFocus = PresenceState["focus"];

/** Someone in the editor: one entry per person, however many tabs they have open. */
export interface Peer {
  user: PresenceUser;
  /** Where they are editing, from their most recently focused tab. */
  focus: PresenceFocus;
  isSelf: boolean;
}

/**
 * The people in the editor, self first, then by name. Awareness holds one state per client (a tab);
 * a person with several tabs shows once, with the focus of whichever tab is editing something.
 */
export function peersOf(states: ReadonlyMap<number, unknown>, selfUserId: string): Peer[] {
  const byUser = new Map<string, Peer>();
  for (const raw of states.values()) {
    const parsed = presenceStateSchema.safeParse(raw);
    if (!parsed.success) continue;
    const { user, focus } = parsed.data;
    const known = byUser.get(user.id);
    if (known && hasFocus(known.focus)) continue;
    byUser.set(user.id, { user, focus, isSelf: user.id === selfUserId });
  }
  return [...byUser.values()].sort(
    (a, b) => Number(b.isSelf) - Number(a.isSelf) || a.user.name.localeCompare(b.user.name),
  );
}

/** Who is editing this card or stage, other than oneself. */
export function editorsOf(peers: readonly Peer[], target: { cardId?: string; stageId?: string }): Peer[] {
  return peers.filter(
    (peer) =>
      !peer.isSelf &&
      ((target.cardId !== undefined && peer.focus.cardId === target.cardId) ||
        (target.stageId !== undefined &&
          peer.focus.cardId === undefined &&
          peer.focus.stageId === target.stageId)),
  );
}

function hasFocus(focus: PresenceFocus): boolean {
  return focus.stageId !== undefined || focus.cardId !== undefined;
}
