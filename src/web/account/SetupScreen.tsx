import { useState } from "react";
import { useTranslation } from "react-i18next";
import { PASSWORD_MAX, PASSWORD_MIN } from "../../domain/team/account.js";
import { authApi } from "../api/client.js";
import type { Me } from "../api/types.js";
import { AuthScreen } from "./AuthScreen.js";
import { FormError } from "./FormError.js";
import { TextField } from "./TextField.js";
import { useAction } from "./use-action.js";

/** The first visitor of a fresh Tropa creates the owner account (as in Grafana or Outline). */
export function SetupScreen({ onEnter }: { onEnter: (me: Me) => void }) {
  const { t } = useTranslation();
  const [name, setName] = useState("");
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const { busy, error, run } = useAction();

  return (
    <AuthScreen title={t("account.setup.title")} subtitle={t("account.setup.subtitle")}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void run(async () => onEnter(await authApi.setUp({ name, email, password })));
        }}
      >
        <TextField
          label={t("account.fields.name")}
          value={name}
          onChange={setName}
          autoComplete="name"
          autoFocus
        />
        <TextField
          label={t("account.fields.email")}
          type="email"
          value={email}
          onChange={setEmail}
          autoComplete="email"
        />
        <TextField
          label={t("account.fields.password")}
          type="password"
          value={password}
          onChange={setPassword}
          autoComplete="new-password"
          minLength={PASSWORD_MIN}
          maxLength={PASSWORD_MAX}
          hint={t("account.fields.passwordHint", { count: PASSWORD_MIN })}
        />
        <FormError message={error} />
        <button type="submit" className="button button-primary auth-submit" disabled={busy}>
          {busy ? t("account.setup.busy") : t("account.setup.submit")}
        </button>
      </form>
    </AuthScreen>
  );
}
