import { useId, useState } from "react";
import { PASSWORD_MAX } from "../../domain/team/account.js";
import { useUiText } from "../i18n/ui-text.js";
import { endOfLocalDay, todayInputValue } from "./expiry-date.js";

interface Props {
  /** Resolves true when the link was made, so the form clears only then. */
  onCreate: (body: { expiresAt?: string; password?: string }) => Promise<boolean>;
}

/** The optional expiry date and password of a new link. */
export function NewLinkForm({ onCreate }: Props) {
  const { t } = useUiText();
  const [expiry, setExpiry] = useState("");
  const [password, setPassword] = useState("");
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const expiryHint = useId();
  const passwordHint = useId();
  const today = todayInputValue(new Date());

  const submit = async () => {
    if (expiry && expiry < today) {
      setProblem(t("sharing.expiryInPast"));
      return;
    }
    setProblem(null);
    setBusy(true);
    try {
      const made = await onCreate({
        ...(expiry ? { expiresAt: endOfLocalDay(expiry).toISOString() } : {}),
        ...(password ? { password } : {}),
      });
      if (made) {
        setExpiry("");
        setPassword("");
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className="share-form"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <label className="field">
        <span>{t("sharing.expiry")}</span>
        <input
          type="date"
          value={expiry}
          min={today}
          aria-describedby={expiryHint}
          onChange={(event) => setExpiry(event.target.value)}
        />
        <small id={expiryHint} className="muted">
          {t("sharing.expiryHint")}
        </small>
      </label>
      <label className="field">
        <span>{t("sharing.password")}</span>
        <input
          type="password"
          value={password}
          maxLength={PASSWORD_MAX}
          autoComplete="new-password"
          aria-describedby={passwordHint}
          onChange={(event) => setPassword(event.target.value)}
        />
        <small id={passwordHint} className="muted">
          {t("sharing.passwordHint")}
        </small>
      </label>
      <div className="share-form-submit">
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? t("sharing.creating") : t("sharing.create")}
        </button>
      </div>
      {problem && (
        <p className="alert alert-error share-form-problem" role="alert">
          {problem}
        </p>
      )}
    </form>
  );
}
