import { useState } from "react";
import { useTranslation } from "react-i18next";
import { PASSWORD_MAX, PASSWORD_MIN } from "../../domain/team/account.js";
import type { Me } from "../api/types.js";
import { FormError } from "./FormError.js";
import { TextField } from "./TextField.js";
import { useAction } from "./use-action.js";

export interface AccountDetails {
  name: string;
  email: string;
  password: string;
}

interface Props {
  /**
   * `new` asks for a name, an email and a new password (set-up, sign-up from an invitation); `existing`
   * for the email and password of an account (sign-in), so password managers fill the right fields.
   */
  account: "new" | "existing";
  submitLabel: string;
  busyLabel: string;
  /** Sends the details to the server; resolves with the session it starts. */
  submit: (details: AccountDetails) => Promise<Me>;
  onEnter: (me: Me) => void;
}

/** The form of every screen that starts a session: its fields, the server's refusal and the submit button. */
export function AccountForm({ account, submitLabel, busyLabel, submit, onEnter }: Props) {
  const { t } = useTranslation();
  const [name, setName] = useState("");
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const { busy, error, run } = useAction();
  const isNew = account === "new";

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        void run(async () => onEnter(await submit({ name, email, password })));
      }}
    >
      {isNew && (
        <TextField
          label={t("account.fields.name")}
          value={name}
          onChange={setName}
          autoComplete="name"
          autoFocus
        />
      )}
      <TextField
        label={t("account.fields.email")}
        type="email"
        value={email}
        onChange={setEmail}
        autoComplete={isNew ? "email" : "username"}
        autoFocus={!isNew}
      />
      <TextField
        label={t("account.fields.password")}
        type="password"
        value={password}
        onChange={setPassword}
        autoComplete={isNew ? "new-password" : "current-password"}
        minLength={isNew ? PASSWORD_MIN : undefined}
        maxLength={PASSWORD_MAX}
        hint={isNew ? t("account.fields.passwordHint", { count: PASSWORD_MIN }) : undefined}
      />
      <FormError message={error} />
      <button type="submit" className="button button-primary auth-submit" disabled={busy}>
        {busy ? busyLabel : submitLabel}
      </button>
    </form>
  );
}
