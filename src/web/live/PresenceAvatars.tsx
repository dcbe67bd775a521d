import { useUiText } from "../i18n/ui-text.js";
import { initialsOf } from "./initials.js";
import type { Peer } from "./presence.js";
import "./live.css";

/** Who is in the map: initials in each person's colour, their name on hover and for screen readers. */
export function PresenceAvatars({ peers }: { peers: Peer[] }) {
  const { t } = useUiText();
  if (peers.length === 0) return null;
  return (
    <ul className="presence-avatars" aria-label={t("live.people")}>
      {peers.map((peer) => {
        const name = peer.isSelf ? t("live.you", { name: peer.user.name }) : peer.user.name;
        return (
          <li
            key={peer.user.id}
            className="presence-avatar"
            style={{ backgroundColor: peer.user.color }}
            title={name}
            aria-label={name}
          >
            <span aria-hidden="true">{initialsOf(peer.user.name)}</span>
          </li>
        );
      })}
    </ul>
  );
}
