import { useState } from "react";
import { useTranslation } from "react-i18next";
import { PASSWORD_MAX, PASSWORD_MIN } from "../../domain/team/account.js";
import { authApi } from "../api/client.js";
import { FormError } from "./FormError.js";
import { useMe } from "./me-context.js";
import { TextField } from "./TextField.js";
import { useAction } from "./use-action.js";

/** `#/account`: the user's name, password and sessions. */
export function AccountPage() {
  const { t } = useTranslation();
  return (
    <div className="page page-narrow">
      <div className="page-header">
        <div>
          <h1>{t("account.page.title")}</h1>
          <p className="page-subtitle">{t("account.page.subtitle")}</p>
        </div>
      </div>
      <ProfileSection />
      <PasswordSection />
      <SessionsSection />
    </div>
  );
}

function ProfileSection() {
  const { t } = useTranslation();
  const { me, refresh } = useMe();
  const [name, setName] = useState(me.user.name);
  const [saved, setSaved] = useState(false);
  const { busy, error, run } = useAction();
  return (
    <section className="settings-section" aria-labelledby="account-profile">
      <h2 id="account-profile">{t("account.page.profile")}</h2>
      <p className="muted">{t("account.page.email", { email: me.user.email })}</p>
      <form
        className="settings-form"
        onSubmit={(event) => {
          event.preventDefault();
          setSaved(false);
          void run(async () => {
            await authApi.rename(name);
            await refresh();
            setSaved(true);
          });
        }}
      >
        <TextField label={t("account.fields.name")} value={name} onChange={setName} autoComplete="name" />
        <FormError message={error} />
        {saved && (
          <p className="alert alert-success" role="status">
            {t("account.page.nameSaved")}
          </p>
        )}
        <button type="submit" className="button" disabled={busy || name.trim() === me.user.name}>
          {t("account.page.saveName")}
        </button>
      </form>
    </section>
  );
}

function PasswordSection() {
  const { t } = useTranslation();
  const [currentPassword, setCurrentPassword] = useState("");
  const [newPassword, setNewPassword] = useState("");
  const [changed, setChanged] = useState(false);
  const { busy, error, run } = useAction();
  return (
    <section className="settings-section" aria-labelledby="account-password">
      <h2 id="account-password">{t("account.page.password")}</h2>
      <form
        className="settings-form"
        onSubmit={(event) => {
          event.preventDefault();
          setChanged(false);
          void run(async () => {
            await authApi.changePassword(currentPassword, newPassword);
            setCurrentPassword("");
            setNewPassword("");
            setChanged(true);
          });
        }}
      >
        <TextField
          label={t("account.fields.currentPassword")}
          type="password"
          value={currentPassword}
          onChange={setCurrentPassword}
          autoComplete="current-password"
          maxLength={PASSWORD_MAX}
        />
        <TextField
          label={t("account.fields.newPassword")}
          type="password"
          value={newPassword}
          onChange={setNewPassword}
          autoComplete="new-password"
          minLength={PASSWORD_MIN}
          maxLength={PASSWORD_MAX}
          hint={t("account.fields.passwordHint", { count: PASSWORD_MIN })}
        />
        <FormError message={error} />
        {changed && (
          <p className="alert alert-success" role="status">
            {t("account.page.passwordChanged")}
          </p>
        )}
        <button type="submit" className="button" disabled={busy}>
          {t("account.page.changePassword")}
        </button>
      </form>
    </section>
  );
}

function SessionsSection() {
  const { t } = useTranslation();
  const { signOut } = useMe();
  const { busy, error, run } = useAction();
  const signOutEverywhere = () => {
    if (!window.confirm(t("account.page.confirmSignOutEverywhere"))) return;
    void run(() => signOut({ everywhere: true }));
  };
  return (
    <section className="settings-section" aria-labelledby="account-sessions">
      <h2 id="account-sessions">{t("account.page.sessions")}</h2>
      <p className="muted">{t("account.page.sessionsText")}</p>
      <FormError message={error} />
      <button type="button" className="button button-danger" disabled={busy} onClick={signOutEverywhere}>
        {t("account.page.signOutEverywhere")}
      </button>
    </section>
  );
}
