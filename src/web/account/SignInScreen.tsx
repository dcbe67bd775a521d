import { useTranslation } from "react-i18next";
import type { Me } from "../api/types.js";
import { AuthScreen } from "./AuthScreen.js";
import { SignInForm } from "./SignInForm.js";

export function SignInScreen({ onEnter }: { onEnter: (me: Me) => void }) {
  const { t } = useTranslation();
  return (
    <AuthScreen title={t("account.signIn.title")} subtitle={t("account.signIn.subtitle")}>
      <SignInForm onEnter={onEnter} submitLabel={t("account.signIn.submit")} />
      <p className="auth-note">{t("account.signIn.noAccount")}</p>
      <p className="auth-note">{t("account.signIn.forgotPassword")}</p>
    </AuthScreen>
  );
}
