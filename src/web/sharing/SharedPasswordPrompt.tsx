import { Lock } from "lucide-react";
import { useState } from "react";
import { PASSWORD_MAX } from "../../domain/team/account.js";
import { useUiText } from "../i18n/ui-text.js";

interface Props {
  problem: "wrong" | "too-many" | null;
  onSubmit: (password: string) => Promise<void>;
}

/** Asked before a password-protected shared map opens. */
export function SharedPasswordPrompt({ problem, onSubmit }: Props) {
  const { t } = useUiText();
  const [password, setPassword] = useState("");
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    setBusy(true);
    try {
      await onSubmit(password);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className="shared-password"
      onSubmit={(event) => {
        event.preventDefault();
        if (password) void submit();
      }}
    >
      <Lock size={28} aria-hidden="true" />
      <h2>{t("sharing.view.passwordTitle")}</h2>
      <p className="muted">{t("sharing.view.passwordText")}</p>
      <label className="field">
        <span>{t("sharing.view.passwordLabel")}</span>
        <input
          type="password"
          value={password}
          maxLength={PASSWORD_MAX}
          autoComplete="off"
          required
          // biome-ignore lint/a11y/noAutofocus: the prompt is the only thing on the page
          autoFocus
          onChange={(event) => setPassword(event.target.value)}
        />
      </label>
      {problem && (
        <p className="alert alert-error" role="alert">
          {problem === "wrong" ? t("sharing.view.wrongPassword") : t("sharing.view.tooMany")}
        </p>
      )}
      <button type="submit" className="button button-primary" disabled={busy}>
        {t("sharing.view.open")}
      </button>
    </form>
  );
}
