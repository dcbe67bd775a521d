import { Link2, Lock } from "lucide-react";
import type { ShareLink } from "../../domain/team/share-link.js";
import { useUiText } from "../i18n/ui-text.js";

interface Props {
  /** null while loading. */
  links: ShareLink[] | null;
  onRevoke: (link: ShareLink) => void;
}

/** The map's links that still work, told apart by their last four characters. */
export function LiveLinkList({ links, onRevoke }: Props) {
  const { t, lang } = useUiText();
  const formatDate = (iso: string) =>
    new Date(iso).toLocaleDateString(lang, { day: "numeric", month: "long", year: "numeric" });

  return (
    <section className="share-links" aria-label={t("sharing.liveTitle")}>
      <h3>{t("sharing.liveTitle")}</h3>
      {links === null && <div className="page-loading" aria-busy="true" />}
      {links?.length === 0 && <p className="muted">{t("sharing.none")}</p>}
      {links && links.length > 0 && (
        <ul className="share-link-list">
          {links.map((link) => (
            <li key={link.id} className="share-link">
              <Link2 size={16} aria-hidden="true" />
              <div className="share-link-text">
                <strong className="share-link-name">{t("sharing.linkName", { hint: link.tokenHint })}</strong>
                <span className="muted">
                  {link.createdBy
                    ? t("sharing.createdBy", { name: link.createdBy.name, date: formatDate(link.createdAt) })
                    : t("sharing.createdOn", { date: formatDate(link.createdAt) })}
                </span>
              </div>
              <span className="share-link-facts">
                <span>
                  {link.expiresAt
                    ? t("sharing.expires", { date: formatDate(link.expiresAt) })
                    : t("sharing.noExpiry")}
                </span>
                {link.hasPassword && (
                  <span className="share-link-password">
                    <Lock size={12} aria-hidden="true" />
                    {t("sharing.withPassword")}
                  </span>
                )}
              </span>
              <button
                type="button"
                className="button button-sm"
                aria-label={t("sharing.revokeLabel", { hint: link.tokenHint })}
                onClick={() => onRevoke(link)}
              >
                {t("sharing.revoke")}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
