import { useEffect, useMemo, useState } from "react";
import { useUiText } from "../i18n/ui-text.js";
import type { Peer } from "./presence.js";
import "./live.css";

interface Outline {
  peer: Peer;
  top: number;
  left: number;
  width: number;
  height: number;
}

/** The element a person is editing: their card, else the header of their stage. */
function targetOf(peer: Peer): Element | null {
  const { cardId, stageId } = peer.focus;
  if (cardId) return document.querySelector(`[data-card-id="${CSS.escape(cardId)}"]`);
  if (stageId) return document.querySelector(`[data-stage-id="${CSS.escape(stageId)}"]`);
  return null;
}

interface Layout {
  clip: { top: number; left: number; width: number; height: number };
  outlines: Outline[];
}

const EMPTY: Layout = { clip: { top: 0, left: 0, width: 0, height: 0 }, outlines: [] };

/** Outlines relative to the map's scroll area, which clips them, so none sits on top of the toolbar. */
function measure(peers: Peer[]): Layout {
  const area = document.querySelector(".board-scroll")?.getBoundingClientRect();
  if (!area) return EMPTY;
  const outlines = peers.flatMap((peer) => {
    const rect = targetOf(peer)?.getBoundingClientRect();
    if (!rect || rect.width === 0) return [];
    return [
      { peer, top: rect.top - area.top, left: rect.left - area.left, width: rect.width, height: rect.height },
    ];
  });
  return { clip: { top: area.top, left: area.left, width: area.width, height: area.height }, outlines };
}

/**
 * Outlines, in each person's colour and with their name, the card or stage others are editing. The boxes
 * float above the grid (measured every frame while someone is editing) rather than living inside the
 * cards, so cards need no knowledge of presence and re-render only for their own changes.
 */
export function PresenceOutlines({ peers }: { peers: Peer[] }) {
  const { t } = useUiText();
  const [layout, setLayout] = useState<Layout>(EMPTY);
  const editing = useMemo(
    () => peers.filter((peer) => !peer.isSelf && (peer.focus.cardId || peer.focus.stageId)),
    [peers],
  );

  useEffect(() => {
    if (editing.length === 0) {
      setLayout(EMPTY);
      return;
    }
    let frame = requestAnimationFrame(function update() {
      setLayout((previous) => {
        const next = measure(editing);
        return sameLayout(previous, next) ? previous : next;
      });
      frame = requestAnimationFrame(update);
    });
    return () => cancelAnimationFrame(frame);
  }, [editing]);

  return (
    <div className="presence-outlines" style={layout.clip} aria-hidden="true">
      {layout.outlines.map(({ peer, top, left, width, height }) => (
        <div
          key={peer.user.id}
          className="presence-outline"
          style={{ top, left, width, height, borderColor: peer.user.color }}
        >
          <span className="presence-outline-name" style={{ backgroundColor: peer.user.color }}>
            {t("live.editing", { name: peer.user.name })}
          </span>
        </div>
      ))}
    </div>
  );
}

function sameLayout(a: Layout, b: Layout): boolean {
  return (
    a.clip.top === b.clip.top &&
    a.clip.left === b.clip.left &&
    a.clip.width === b.clip.width &&
    a.clip.height === b.clip.height &&
    sameOutlines(a.outlines, b.outlines)
  );
}

function sameOutlines(a: Outline[], b: Outline[]): boolean {
  return (
    a.length === b.length &&
    a.every((outline, i) => {
      const other = b[i];
      return (
        other !== undefined &&
        other.peer === outline.peer &&
        other.top === outline.top &&
        other.left === outline.left &&
        other.width === outline.width &&
        other.height === outline.height
      );
    })
  );
}
