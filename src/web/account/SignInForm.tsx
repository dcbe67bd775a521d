import { useState } from "react";
import { useTranslation } from "react-i18next";
import { PASSWORD_MAX } from "../../domain/team/account.js";
import { authApi } from "../api/client.js";
import type { Me } from "../api/types.js";
import { FormError } from "./FormError.js";
import { TextField } from "./TextField.js";
import { useAction } from "./use-action.js";

interface Props {
  onEnter: (me: Me) => void;
  submitLabel?: string;
}

export function SignInForm({ onEnter, submitLabel }: Props) {
  const { t } = useTranslation();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const { busy, error, run } = useAction();

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        void run(async () => onEnter(await authApi.signIn({ email, password })));
      }}
    >
      <TextField
        label={t("account.fields.email")}
        type="email"
        value={email}
        onChange={setEmail}
        autoComplete="username"
        autoFocus
      />
      <TextField
        label={t("account.fields.password")}
        type="password"
        value={password}
        onChange={setPassword}
        autoComplete="current-password"
        maxLength={PASSWORD_MAX}
      />
      <FormError message={error} />
      <button type="submit" className="button button-primary auth-submit" disabled={busy}>
        {busy ? t("account.signIn.busy") : (submitLabel ?? t("account.signIn.submit"))}
      </button>
    </form>
  );
}
