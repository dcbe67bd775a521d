import { useTranslation } from "react-i18next";
import { authApi } from "../api/client.js";
import type { Me } from "../api/types.js";
import { AccountForm } from "./AccountForm.js";
import { AuthScreen } from "./AuthScreen.js";

/** The first visitor of a fresh Tropa creates the owner account (as in Grafana or Outline). */
export function SetupScreen({ onEnter }: { onEnter: (me: Me) => void }) {
  const { t } = useTranslation();
  return (
    <AuthScreen title={t("account.setup.title")} subtitle={t("account.setup.subtitle")}>
      <AccountForm
        account="new"
        submitLabel={t("account.setup.submit")}
        busyLabel={t("account.setup.busy")}
        submit={authApi.setUp}
        onEnter={onEnter}
      />
    </AuthScreen>
  );
}
