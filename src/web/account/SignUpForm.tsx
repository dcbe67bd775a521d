import { useState } from "react";
import { useTranslation } from "react-i18next";
import { PASSWORD_MAX, PASSWORD_MIN } from "../../domain/team/account.js";
import { authApi } from "../api/client.js";
import type { Me } from "../api/types.js";
import { FormError } from "./FormError.js";
import { TextField } from "./TextField.js";
import { useAction } from "./use-action.js";

interface Props {
  invitation: string;
  onEnter: (me: Me) => void;
}

/** A new account made from an invitation link; it joins the invitation's workspace at once. */
export function SignUpForm({ invitation, onEnter }: Props) {
  const { t } = useTranslation();
  const [name, setName] = useState("");
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const { busy, error, run } = useAction();

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        void run(async () => onEnter(await authApi.signUp({ name, email, password, invitation })));
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
        {busy ? t("account.invite.signUpBusy") : t("account.invite.signUp")}
      </button>
    </form>
  );
}
