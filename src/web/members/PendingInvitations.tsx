import { useTranslation } from "react-i18next";
import { dateText } from "../account/date-text.js";
import type { Invitation } from "../api/types.js";

interface Props {
  invitations: readonly Invitation[];
  busy: boolean;
  onRevoke: (invitation: Invitation) => void;
}

export function PendingInvitations({ invitations, busy, onRevoke }: Props) {
  const { t, i18n } = useTranslation();
  const date = (iso: string) => dateText(iso, i18n.resolvedLanguage ?? "en");
  return (
    <section className="settings-section" aria-labelledby="pending-title">
      <h2 id="pending-title">{t("members.pending.title")}</h2>
      {invitations.length === 0 ? (
        <p className="muted">{t("members.pending.empty")}</p>
      ) : (
        <ul className="invitation-list">
          {invitations.map((invitation) => (
            <li key={invitation.id} className="invitation-row">
              <span className="role-pill">{t(`members.roles.${invitation.role}`)}</span>
              <span className="muted">
                {[
                  invitation.createdBy && t("members.pending.createdBy", { name: invitation.createdBy.name }),
                  t("members.pending.expires", { date: date(invitation.expiresAt) }),
                ]
                  .filter(Boolean)
                  .join(" · ")}
              </span>
              <span className="spacer" />
              <button
                type="button"
                className="button button-sm"
                disabled={busy}
                aria-label={t("members.pending.revokeLabel", {
                  role: t(`members.roles.${invitation.role}`),
                  date: date(invitation.createdAt),
                })}
                onClick={() => onRevoke(invitation)}
              >
                {t("members.pending.revoke")}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
