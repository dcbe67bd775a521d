import { useTranslation } from "react-i18next";
import { LanguageSwitch } from "../i18n/LanguageSwitch.js";
import { Logo } from "../ui/Logo.js";
import type { Route } from "./route.js";

interface Props {
  route: Route;
  workspaceName: string;
}

export function TopBar({ route, workspaceName }: Props) {
  const { t } = useTranslation();
  const onMaps = route.name === "maps" || route.name === "map";
  return (
    <header className="topbar">
      <a className="brand" href="#/" aria-label={t("nav.home")}>
        <Logo />
        <span className="brand-name">Tropa</span>
      </a>
      {workspaceName && <span className="topbar-workspace">{workspaceName}</span>}
      <nav className="topbar-nav" aria-label={t("nav.label")}>
        <a href="#/" aria-current={onMaps ? "page" : undefined}>
          {t("nav.maps")}
        </a>
        <a href="#/personas" aria-current={route.name === "personas" ? "page" : undefined}>
          {t("nav.personas")}
        </a>
      </nav>
      <div className="topbar-end">
        <LanguageSwitch />
      </div>
    </header>
  );
}
