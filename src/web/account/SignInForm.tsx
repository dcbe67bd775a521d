import { useTranslation } from "react-i18next";
import { authApi } from "../api/client.js";
import type { Me } from "../api/types.js";
import { AccountForm } from "./AccountForm.js";

/** Signs an existing account in: on the sign-in screen, and on an invitation for someone who has one. */
export function SignInForm({ onEnter, submitLabel }: { onEnter: (me: Me) => void; submitLabel: string }) {
  const { t } = useTranslation();
  return (
    <AccountForm
      account="existing"
      submitLabel={submitLabel}
      busyLabel={t("account.signIn.busy")}
      submit={({ email, password }) => authApi.signIn({ email, password })}
      onEnter={onEnter}
    />
  );
}
