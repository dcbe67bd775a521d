import { type ReactNode, useCallback, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { AccountPage } from "../account/AccountPage.js";
import { InvitePage } from "../account/InvitePage.js";
import { useMe } from "../account/me-context.js";
import { SessionGate } from "../account/SessionGate.js";
import { ActivityPage } from "../activity/ActivityPage.js";
import type { MemberWorkspace } from "../api/types.js";
import { cacheTranslations } from "../i18n/translation-cache.js";
import { type UiText, UiTextContext } from "../i18n/ui-text.js";
import { MapEditorPage } from "../map-editor/MapEditorPage.js";
import { MapListPage } from "../map-list/MapListPage.js";
import { MembersPage } from "../members/MembersPage.js";
import { NoWorkspace } from "../members/NoWorkspace.js";
import { PersonasPage } from "../personas/PersonasPage.js";
import { SharedMapPage } from "../sharing/SharedMapPage.js";
import { ErrorState } from "../ui/ErrorState.js";
import { isPublicRoute, type Route } from "./route.js";
import { TopBar } from "./TopBar.js";
import { navigate, useRoute } from "./use-route.js";
import {
  pickWorkspace,
  rememberedWorkspaceId,
  rememberWorkspace,
  WorkspaceContext,
} from "./workspace-context.js";

export function App() {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? "en";
  const uiText = useMemo<UiText>(() => ({ t: cacheTranslations(t), lang }), [t, lang]);
  const route = useRoute();

  return (
    <UiTextContext.Provider value={uiText}>
      {isPublicRoute(route) ? (
        <PublicPage route={route} />
      ) : (
        <SessionGate inviteToken={route.name === "invite" ? route.token : null}>
          <SignedInApp route={route} />
        </SessionGate>
      )}
    </UiTextContext.Provider>
  );
}

/** Pages anyone may open with a link: no session is asked for, and no workspace is loaded. */
function PublicPage({ route }: { route: Route }) {
  if (route.name === "shared") return <SharedMapPage token={route.token} />;
  return null;
}

function SignedInApp({ route }: { route: Route }) {
  const { me } = useMe();
  // The choice lives in localStorage; this counter re-renders after the switcher writes it.
  const [, setSwitches] = useState(0);
  const workspace = pickWorkspace(me.workspaces, rememberedWorkspaceId());

  const switchWorkspace = (workspaceId: string) => {
    rememberWorkspace(workspaceId);
    setSwitches((count) => count + 1);
    // An open map belongs to the workspace being left.
    if (route.name === "map") navigate("#/");
  };
  // A map opened by a link may live in another of the user's workspaces: the top bar follows it.
  const followMap = useCallback(
    (workspaceId: string) => {
      if (workspaceId === rememberedWorkspaceId()) return;
      if (!me.workspaces.some((member) => member.id === workspaceId)) return;
      rememberWorkspace(workspaceId);
      setSwitches((count) => count + 1);
    },
    [me.workspaces],
  );

  return (
    <div className="app">
      <TopBar
        route={route}
        workspace={workspace}
        workspaces={me.workspaces}
        onSwitchWorkspace={switchWorkspace}
      />
      <main className="app-main">
        <SignedInPage
          route={route}
          workspace={workspace}
          onCreateWorkspace={switchWorkspace}
          onMapWorkspace={followMap}
        />
      </main>
    </div>
  );
}

interface PageProps {
  route: Route;
  workspace: MemberWorkspace | null;
  onCreateWorkspace: (workspaceId: string) => void;
  onMapWorkspace: (workspaceId: string) => void;
}

function SignedInPage({ route, workspace, onCreateWorkspace, onMapWorkspace }: PageProps) {
  switch (route.name) {
    // The editor loads its map by id, whichever workspace the map is in.
    case "map":
      return <MapEditorPage key={route.mapId} mapId={route.mapId} onWorkspace={onMapWorkspace} />;
    case "account":
      return <AccountPage />;
    case "invite":
      return <InvitePage token={route.token} />;
  }
  if (!workspace) return <NoWorkspace onCreated={onCreateWorkspace} />;
  return (
    <WorkspaceContext.Provider value={workspace}>
      <WorkspacePage key={workspace.id} route={route} />
    </WorkspaceContext.Provider>
  );
}

/** The pages of the chosen workspace. */
function WorkspacePage({ route }: { route: Route }): ReactNode {
  const { t } = useTranslation();
  switch (route.name) {
    case "maps":
      return <MapListPage />;
    case "personas":
      return <PersonasPage />;
    case "members":
      return <MembersPage />;
    case "activity":
      return <ActivityPage />;
    default:
      return <ErrorState title={t("errors.notFoundTitle")} message={t("errors.notFound")} />;
  }
}
