import { Copy, Link2 } from "lucide-react";
import { useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { INVITATION_DAYS_DEFAULT, INVITATION_DAYS_MAX } from "../../domain/team/invitation.js";
import { ROLES, type Role } from "../../domain/team/role.js";
import { FormError } from "../account/FormError.js";
import { useAction } from "../account/use-action.js";
import { teamApi } from "../api/client.js";
import type { CreatedInvitation } from "../api/types.js";

const EXPIRY_DAYS = [1, INVITATION_DAYS_DEFAULT, INVITATION_DAYS_MAX];

interface Props {
  workspaceId: string;
  onCreated: () => void;
}

/** Owners make a single-use link for one colleague; no mail server is assumed, so they copy it. */
export function InviteForm({ workspaceId, onCreated }: Props) {
  const { t } = useTranslation();
  const [role, setRole] = useState<Role>("editor");
  const [days, setDays] = useState(INVITATION_DAYS_DEFAULT);
  const [created, setCreated] = useState<CreatedInvitation | null>(null);
  const { busy, error, run } = useAction();
  const roleId = useId();
  const daysId = useId();

  const create = () =>
    run(async () => {
      setCreated(await teamApi.invite(workspaceId, role, days));
      onCreated();
    });

  return (
    <section className="settings-section" aria-labelledby="invite-title">
      <h2 id="invite-title">{t("members.invite.title")}</h2>
      <p className="muted">{t("members.invite.text")}</p>
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
        <button type="submit" className="button button-primary" disabled={busy}>
          <Link2 size={16} aria-hidden="true" />
          <span>{busy ? t("members.invite.busy") : t("members.invite.create")}</span>
        </button>
      </form>
      <FormError message={error} />
      {created && <CreatedLink url={created.url} />}
    </section>
  );
}

function CreatedLink({ url }: { url: string }) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState(false);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      setCopied(true);
      window.setTimeout(() => setCopied(false), 2000);
    } catch {
      // Without clipboard access (an http address on another host), select it for Ctrl+C.
      input.current?.select();
    }
  };

  return (
    <div className="created-link" role="status">
      <p>{t("members.invite.shownOnce")}</p>
      <div className="created-link-row">
        <input
          ref={input}
          readOnly
          value={url}
          aria-label={t("members.invite.link")}
          onFocus={(event) => event.target.select()}
        />
        <button type="button" className="button" onClick={() => void copy()}>
          <Copy size={16} aria-hidden="true" />
          <span>{copied ? t("members.invite.copied") : t("members.invite.copy")}</span>
        </button>
      </div>
    </div>
  );
}
