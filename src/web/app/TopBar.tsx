import { useTranslation } from "react-i18next";
import { roleAtLeast } from "../../domain/team/role.js";
import { AccountMenu } from "../account/AccountMenu.js";
import type { MemberWorkspace } from "../api/types.js";
import { LanguageSwitch } from "../i18n/LanguageSwitch.js";
import { WorkspaceSwitcher } from "../members/WorkspaceSwitcher.js";
import { Logo } from "../ui/Logo.js";
import type { Route } from "./route.js";

interface Props {
  route: Route;
  workspace: MemberWorkspace | null;
  workspaces: readonly MemberWorkspace[];
  onSwitchWorkspace: (workspaceId: string) => void;
}

export function TopBar({ route, workspace, workspaces, onSwitchWorkspace }: Props) {
  const { t } = useTranslation();
  const onMaps = route.name === "maps" || route.name === "map";
  const current = (name: Route["name"]) => (route.name === name ? "page" : undefined);
  return (
    <header className="topbar">
      <a className="brand" href="#/" aria-label={t("nav.home")}>
        <Logo />
        <span className="brand-name">Tropa</span>
      </a>
      <WorkspaceSwitcher current={workspace} workspaces={workspaces} onSwitch={onSwitchWorkspace} />
      {workspace && (
        <nav className="topbar-nav" aria-label={t("nav.label")}>
          <a href="#/" aria-current={onMaps ? "page" : undefined}>
            {t("nav.maps")}
          </a>
          <a href="#/personas" aria-current={current("personas")}>
            {t("nav.personas")}
          </a>
          <a href="#/members" aria-current={current("members")}>
            {t("members.nav")}
          </a>
          {/* The activity log is for editors and owners only, so the others get no link to a refusal. */}
          {roleAtLeast(workspace.role, "editor") && (
            <a href="#/activity" aria-current={current("activity")}>
              {t("activity.pageTitle")}
            </a>
          )}
        </nav>
      )}
      <div className="topbar-end">
        <LanguageSwitch />
        <AccountMenu />
      </div>
    </header>
  );
}
