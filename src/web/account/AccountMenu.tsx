import { LogOut, UserRound } from "lucide-react";
import { useTranslation } from "react-i18next";
import { navigate } from "../app/use-route.js";
import { MenuButton } from "../ui/MenuButton.js";
import { initialsOf } from "./initials.js";
import { useMe } from "./me-context.js";
import "./account.css";

/** The top bar's account button: who is signed in (name and email), the account page and sign-out. */
export function AccountMenu() {
  const { t } = useTranslation();
  const { me, signOut } = useMe();
  const { name, email } = me.user;

  return (
    <MenuButton
      className="account-button"
      label={t("account.menu.label", { name })}
      trigger={
        <>
          <span className="avatar avatar-sm account-avatar" aria-hidden="true">
            {initialsOf(name)}
          </span>
          <span className="account-button-name">{name}</span>
        </>
      }
      header={
        <div className="account-menu-who" role="presentation">
          <strong>{name}</strong>
          <span className="muted">{email}</span>
        </div>
      }
      items={[
        {
          id: "account",
          label: t("account.menu.account"),
          icon: <UserRound size={16} aria-hidden="true" />,
          onSelect: () => navigate("#/account"),
        },
        {
          id: "sign-out",
          label: t("account.menu.signOut"),
          icon: <LogOut size={16} aria-hidden="true" />,
          onSelect: () => void signOut().catch(() => undefined),
        },
      ]}
    />
  );
}
