import type { ReactNode } from "react";
import { LanguageSwitch } from "../i18n/LanguageSwitch.js";
import { Logo } from "../ui/Logo.js";
import "./account.css";

interface Props {
  title: string;
  subtitle?: ReactNode;
  children: ReactNode;
}

/** The frame of every screen before the app: set-up, sign-in and the invitation landing page. */
export function AuthScreen({ title, subtitle, children }: Props) {
  return (
    <div className="auth-screen">
      <div className="auth-language">
        <LanguageSwitch />
      </div>
      <main className="auth-card">
        <div className="auth-brand">
          <Logo />
          <span className="brand-name">Tropa</span>
        </div>
        <h1>{title}</h1>
        {subtitle && <div className="auth-subtitle">{subtitle}</div>}
        {children}
      </main>
    </div>
  );
}
