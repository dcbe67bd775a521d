import { useEffect, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../api/client.js";
import type { Workspace } from "../api/types.js";
import { cacheTranslations } from "../i18n/translation-cache.js";
import { type UiText, UiTextContext } from "../i18n/ui-text.js";
import { MapEditorPage } from "../map-editor/MapEditorPage.js";
import { MapListPage } from "../map-list/MapListPage.js";
import { PersonasPage } from "../personas/PersonasPage.js";
import { ErrorState } from "../ui/ErrorState.js";
import { TopBar } from "./TopBar.js";
import { useRoute } from "./use-route.js";
import { WorkspaceContext } from "./workspace-context.js";

export function App() {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? "en";
  const uiText = useMemo<UiText>(() => ({ t: cacheTranslations(t), lang }), [t, lang]);
  const route = useRoute();
  const [workspace, setWorkspace] = useState<Workspace | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    api
      .workspaces()
      .then((list) => {
        const first = list[0];
        if (first) setWorkspace(first);
        else setError(t("errors.noWorkspace"));
      })
      .catch((reason: unknown) => setError(reason instanceof Error ? reason.message : String(reason)));
  }, [t]);

  return (
    <UiTextContext.Provider value={uiText}>
      <div className="app">
        <TopBar route={route} workspaceName={workspace?.name ?? ""} />
        <main className="app-main">
          {error && <ErrorState title={t("errors.cannotLoad")} message={error} />}
          {/* The editor loads its map by id, so it does not wait for the workspace list. */}
          {!error && route.name === "map" && <MapEditorPage key={route.mapId} mapId={route.mapId} />}
          {!error && !workspace && route.name !== "map" && <div className="page-loading" aria-busy="true" />}
          {workspace && (
            <WorkspaceContext.Provider value={workspace}>
              {route.name === "maps" && <MapListPage />}
              {route.name === "personas" && <PersonasPage />}
              {route.name === "not-found" && (
                <ErrorState title={t("errors.notFoundTitle")} message={t("errors.notFound")} />
              )}
            </WorkspaceContext.Provider>
          )}
        </main>
      </div>
    </UiTextContext.Provider>
  );
}
