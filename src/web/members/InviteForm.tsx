import { Link2 } from "lucide-react";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Lang } from "../../domain/journey-map.js";
import { INVITATION_DAYS_DEFAULT, INVITATION_DAYS_MAX } from "../../domain/team/invitation.js";
import { ROLES, type Role } from "../../domain/team/role.js";
import { FormError } from "../account/FormError.js";
import { useMe } from "../account/me-context.js";
import { useAction } from "../account/use-action.js";
import { teamApi } from "../api/client.js";
import type { CreatedInvitation } from "../api/types.js";
import { CopyField } from "../ui/CopyField.js";

const EXPIRY_DAYS = [1, INVITATION_DAYS_DEFAULT, INVITATION_DAYS_MAX];

interface Props {
  workspaceId: string;
  onCreated: () => void;
}

/** A created invitation and the address it was emailed to, if one was given. */
interface Created {
  invitation: CreatedInvitation;
  email: string;
}

/**
 * Owners make a single-use link for one colleague and copy it; when the server has a mail server, they
 * may also give an address and Tropa emails the link in the owner's language.
 */
export function InviteForm({ workspaceId, onCreated }: Props) {
  const { t, i18n } = useTranslation();
  const { me } = useMe();
  const [role, setRole] = useState<Role>("editor");
  const [days, setDays] = useState(INVITATION_DAYS_DEFAULT);
  const [email, setEmail] = useState("");
  const [created, setCreated] = useState<Created | null>(null);
  const { busy, error, run } = useAction();
  const roleId = useId();
  const daysId = useId();
  const emailId = useId();

  const create = () =>
    run(async () => {
      const address = email.trim();
      const lang: Lang = i18n.language === "ru" ? "ru" : "en";
      const invitation = await teamApi.invite(
        workspaceId,
        role,
        days,
        address ? { email: address, lang } : {},
      );
      setCreated({ invitation, email: address });
      setEmail("");
      onCreated();
    });

  return (
    <section className="settings-section" aria-labelledby="invite-title">
      <h2 id="invite-title">{t("members.invite.title")}</h2>
      <p className="muted">{t(me.mailEnabled ? "members.invite.textMail" : "members.invite.text")}</p>
      <form
        className="invite-form"
        onSubmit={(event) => {
          event.preventDefault();
          void create();
        }}
      >
        <div className="field">
          <label htmlFor={roleId}>{t("members.invite.role")}</label>
          <select id={roleId} value={role} onChange={(event) => setRole(event.target.value as Role)}>
            {ROLES.map((option) => (
              <option key={option} value={option}>
                {t(`members.roles.${option}`)} — {t(`members.roleHints.${option}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={daysId}>{t("members.invite.expires")}</label>
          <select id={daysId} value={days} onChange={(event) => setDays(Number(event.target.value))}>
            {EXPIRY_DAYS.map((option) => (
              <option key={option} value={option}>
                {t("members.invite.days", { count: option })}
              </option>
            ))}
          </select>
        </div>
        {me.mailEnabled && (
          <div className="field invite-email">
            <label htmlFor={emailId}>{t("members.invite.email")}</label>
            <input
              id={emailId}
              type="email"
              value={email}
              maxLength={254}
              autoComplete="off"
              onChange={(event) => setEmail(event.target.value)}
            />
          </div>
        )}
        <button type="submit" className="button button-primary" disabled={busy}>
          <Link2 size={16} aria-hidden="true" />
          <span>{busy ? t("members.invite.busy") : t("members.invite.create")}</span>
        </button>
      </form>
      <FormError message={error} />
      {created && <EmailOutcome created={created} />}
      {created && <CreatedLink url={created.invitation.url} />}
    </section>
  );
}

/** Whether the email went out; when it did not, the link below is the way to pass the invitation on. */
function EmailOutcome({ created }: { created: Created }) {
  const { t } = useTranslation();
  if (created.invitation.emailed === undefined) return null;
  if (created.invitation.emailed) {
    return (
      <p className="alert alert-success" role="status">
        {t("members.invite.sent", { email: created.email })}
      </p>
    );
  }
  return (
    <p className="alert alert-error" role="alert">
      {t("members.invite.notSent", { email: created.email })}
    </p>
  );
}

function CreatedLink({ url }: { url: string }) {
  const { t } = useTranslation();
  return (
    <div className="created-link" role="status">
      <p>{t("members.invite.shownOnce")}</p>
      <CopyField
        value={url}
        label={t("members.invite.link")}
        copyLabel={t("members.invite.copy")}
        copiedLabel={t("members.invite.copied")}
      />
    </div>
  );
}
