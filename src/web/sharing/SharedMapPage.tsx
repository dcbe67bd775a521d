import { Eye } from "lucide-react";
import { useMemo } from "react";
import { LanguageSwitch } from "../i18n/LanguageSwitch.js";
import { useUiText } from "../i18n/ui-text.js";
import { type EditorActions, EditorContext } from "../map-editor/editor-context.js";
import { MapGrid } from "../map-editor/MapGrid.js";
import { MapHeader } from "../map-editor/MapHeader.js";
import { ErrorState } from "../ui/ErrorState.js";
import { Logo } from "../ui/Logo.js";
import { SharedPasswordPrompt } from "./SharedPasswordPrompt.js";
import { useSharedMap } from "./use-shared-map.js";
import "./sharing.css";

const READ_ONLY: EditorActions = { apply: () => {}, readOnly: true };

/**
 * `#/shared/:token`: the whole map for someone without an account, read-only, with nothing of the
 * workspace around it (no navigation, no panels, no edit controls).
 */
export function SharedMapPage({ token }: { token: string }) {
  const { t, lang } = useUiText();
  const { state, submitPassword } = useSharedMap(token);
  const updated = useMemo(
    () =>
      state.kind === "ready"
        ? new Date(state.shared.updatedAt).toLocaleDateString(lang, {
            day: "numeric",
            month: "long",
            year: "numeric",
          })
        : null,
    [state, lang],
  );

  return (
    <div className="app shared-view">
      <header className="shared-bar">
        <Logo />
        <span className="shared-bar-label">
          <Eye size={16} aria-hidden="true" />
          {t("sharing.view.bar")}
        </span>
        {updated && <span className="muted">{t("sharing.view.updated", { date: updated })}</span>}
        <span className="spacer" />
        <LanguageSwitch />
      </header>
      <main className="app-main">
        {state.kind === "loading" && <div className="page-loading" aria-busy="true" />}
        {state.kind === "password" && (
          <SharedPasswordPrompt problem={state.problem} onSubmit={submitPassword} />
        )}
        {state.kind === "gone" && (
          <ErrorState title={t("sharing.view.goneTitle")} message={t("sharing.view.goneText")} />
        )}
        {state.kind === "failed" && (
          <ErrorState title={t("sharing.view.failedTitle")} message={state.message} />
        )}
        {state.kind === "ready" && (
          <div className="editor shared-map">
            <div className="editor-main">
              <EditorContext.Provider value={READ_ONLY}>
                <MapHeader map={state.shared.map} personas={state.shared.personas} />
                <MapGrid map={state.shared.map} personas={state.shared.personas} />
              </EditorContext.Provider>
            </div>
          </div>
        )}
      </main>
    </div>
  );
}
