import { LogOut, UserRound } from "lucide-react";
import { useEffect, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { navigate } from "../app/use-route.js";
import { initialsOf } from "./initials.js";
import { useMe } from "./me-context.js";
import "./account.css";

/**
 * The top bar's account button: who is signed in (name and email), the account page and sign-out. A
 * WAI-ARIA menu like MenuButton's, with the identity as a heading the arrows skip over.
 */
export function AccountMenu() {
  const { t } = useTranslation();
  const { me, signOut } = useMe();
  const [open, setOpen] = useState(false);
  const menuId = useId();
  const buttonRef = useRef<HTMLButtonElement>(null);
  const menuRef = useRef<HTMLDivElement>(null);
  const { name, email } = me.user;

  useEffect(() => {
    if (!open) return;
    menuRef.current?.querySelector<HTMLElement>("[role=menuitem]")?.focus();
    const closeOnOutside = (event: PointerEvent) => {
      const target = event.target as Node;
      if (!menuRef.current?.contains(target) && !buttonRef.current?.contains(target)) setOpen(false);
    };
    document.addEventListener("pointerdown", closeOnOutside);
    return () => document.removeEventListener("pointerdown", closeOnOutside);
  }, [open]);

  const close = () => {
    setOpen(false);
    buttonRef.current?.focus();
  };
  const moveFocus = (step: number) => {
    const all = Array.from(menuRef.current?.querySelectorAll<HTMLElement>("[role=menuitem]") ?? []);
    const index = all.indexOf(document.activeElement as HTMLElement);
    all[(index + step + all.length) % all.length]?.focus();
  };

  return (
    <div className="menu-anchor">
      <button
        ref={buttonRef}
        type="button"
        className="account-button"
        aria-label={t("account.menu.label", { name })}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        onClick={() => setOpen((value) => !value)}
      >
        <span className="avatar avatar-sm account-avatar" aria-hidden="true">
          {initialsOf(name)}
        </span>
        <span className="account-button-name">{name}</span>
      </button>
      {open && (
        <div
          ref={menuRef}
          id={menuId}
          role="menu"
          aria-label={t("account.menu.label", { name })}
          className="menu"
          tabIndex={-1}
          onKeyDown={(event) => {
            if (event.key === "Escape") close();
            else if (event.key === "ArrowDown") moveFocus(1);
            else if (event.key === "ArrowUp") moveFocus(-1);
            else return;
            event.preventDefault();
          }}
        >
          <div className="account-menu-who" role="presentation">
            <strong>{name}</strong>
            <span className="muted">{email}</span>
          </div>
          <button
            type="button"
            role="menuitem"
            className="menu-item"
            onClick={() => {
              close();
              navigate("#/account");
            }}
          >
            <UserRound size={16} aria-hidden="true" />
            <span className="menu-item-label">{t("account.menu.account")}</span>
          </button>
          <button
            type="button"
            role="menuitem"
            className="menu-item"
            onClick={() => {
              setOpen(false);
              void signOut().catch(() => undefined);
            }}
          >
            <LogOut size={16} aria-hidden="true" />
            <span className="menu-item-label">{t("account.menu.signOut")}</span>
          </button>
        </div>
      )}
    </div>
  );
}
