import { BookmarkPlus, ChartColumn, Eye, History, Redo2, RotateCcw, Undo2, Users, X } from "lucide-react";
import { lazy, Suspense, useCallback, useMemo, useState } from "react";
import { updateMapInfo } from "../../domain/map-operations.js";
import { api } from "../api/client.js";
import type { VersionDetail } from "../api/types.js";
import { useUiText } from "../i18n/ui-text.js";
import { PersonaPanel } from "../personas/PersonaPanel.js";
import { usePersonas } from "../personas/use-personas.js";
import { ErrorState } from "../ui/ErrorState.js";
import { IconButton } from "../ui/IconButton.js";
import { VersionPanel } from "../versions/VersionPanel.js";
import { ConflictBanner } from "./ConflictBanner.js";
import { ExportMenu } from "./ExportMenu.js";
import { type EditorActions, EditorContext } from "./editor-context.js";
import { canRedo, canUndo } from "./history.js";
import { MapGrid } from "./MapGrid.js";
import { MapHeader } from "./MapHeader.js";
import { SaveStatus } from "./SaveStatus.js";
import { SaveTemplateDialog } from "./SaveTemplateDialog.js";
import { useMapDocument } from "./use-map-document.js";
import { useUndoShortcuts } from "./use-undo-shortcuts.js";

type Panel = "personas" | "versions" | "data" | null;

// Charts and the import UI are heavy; loading them on first open keeps the editor's start fast.
const DataPanel = lazy(() => import("../data-panel/DataPanel.js"));

export function MapEditorPage({ mapId }: { mapId: string }) {
  const { t } = useUiText();
  const doc = useMapDocument(mapId);
  const personas = usePersonas(doc.workspaceId);
  const [panel, setPanel] = useState<Panel>(null);
  const [viewing, setViewing] = useState<VersionDetail | null>(null);
  const [savingTemplate, setSavingTemplate] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);

  const readOnly = viewing !== null;
  const editor = useMemo<EditorActions>(() => ({ apply: doc.apply, readOnly }), [doc.apply, readOnly]);
  const viewer = useMemo<EditorActions>(() => ({ apply: () => {}, readOnly: true }), []);
  useUndoShortcuts(doc.undo, doc.redo, !readOnly);

  const { saveNow, currentRevision, reload } = doc;
  const restore = useCallback(
    async (revision: number) => {
      await saveNow();
      await api.restoreVersion(mapId, revision, currentRevision());
      await reload();
      setViewing(null);
    },
    [saveNow, currentRevision, reload, mapId],
  );

  const restoreViewed = (revision: number) =>
    restore(revision).catch((error: unknown) =>
      setNotice(
        t("versions.restoreFailed", { message: error instanceof Error ? error.message : String(error) }),
      ),
    );

  const togglePersona = useCallback(
    (personaId: string, on: boolean) =>
      doc.apply((map) =>
        updateMapInfo(map, {
          personaIds: on ? [...map.personaIds, personaId] : map.personaIds.filter((id) => id !== personaId),
        }),
      ),
    [doc.apply],
  );

  if (doc.loadError) return <ErrorState title={t("errors.cannotOpenMap")} message={doc.loadError} />;
  const history = doc.history;
  if (!history) return <div className="page-loading" aria-busy="true" />;
  const shown = viewing?.map ?? history.present;

  return (
    <div className={panel ? "editor with-panel" : "editor"}>
      <div className="editor-main">
        <div className="editor-toolbar">
          <div className="editor-toolbar-inner" role="toolbar" aria-label={t("toolbar.label")}>
            <a className="breadcrumb" href="#/">
              {t("nav.maps")}
            </a>
            <span className="breadcrumb-sep" aria-hidden="true">
              /
            </span>
            <span className="breadcrumb-current">{history.present.title}</span>
            <span className="toolbar-divider" />
            <IconButton
              icon={Undo2}
              label={t("toolbar.undo")}
              title={t("toolbar.undoHint")}
              onClick={doc.undo}
              disabled={readOnly || !canUndo(history)}
            />
            <IconButton
              icon={Redo2}
              label={t("toolbar.redo")}
              title={t("toolbar.redoHint")}
              onClick={doc.redo}
              disabled={readOnly || !canRedo(history)}
            />
            <SaveStatus state={doc.saveState} error={doc.saveError} onRetry={() => void doc.saveNow()} />
            <span className="spacer" />
            <button
              type="button"
              className="button"
              aria-pressed={panel === "personas"}
              onClick={() => setPanel(panel === "personas" ? null : "personas")}
            >
              <Users size={16} aria-hidden="true" />
              <span>{t("toolbar.personas")}</span>
            </button>
            <button
              type="button"
              className="button"
              aria-pressed={panel === "versions"}
              onClick={() => setPanel(panel === "versions" ? null : "versions")}
            >
              <History size={16} aria-hidden="true" />
              <span>{t("toolbar.versions")}</span>
            </button>
            <button
              type="button"
              className="button"
              aria-pressed={panel === "data"}
              onClick={() => setPanel(panel === "data" ? null : "data")}
            >
              <ChartColumn size={16} aria-hidden="true" />
              <span>{t("data.button")}</span>
            </button>
            <button type="button" className="button" onClick={() => setSavingTemplate(true)}>
              <BookmarkPlus size={16} aria-hidden="true" />
              <span>{t("toolbar.saveAsTemplate")}</span>
            </button>
            <ExportMenu mapId={mapId} beforeExport={doc.saveNow} onError={setNotice} />
          </div>
        </div>

        {doc.saveState === "conflict" && <ConflictBanner onReload={() => void doc.reload()} />}
        {doc.saveState === "error" && doc.saveError && (
          <div className="banner banner-error" role="alert">
            <span>{t("save.errorDetail", { message: doc.saveError })}</span>
          </div>
        )}
        {(notice ?? doc.editError) && (
          <div className="banner banner-error" role="alert">
            <span>{notice ?? doc.editError}</span>
            <IconButton
              small
              icon={X}
              label={t("common.dismiss")}
              onClick={() => {
                setNotice(null);
                doc.dismissEditError();
              }}
            />
          </div>
        )}
        {viewing && (
          <div className="banner banner-info" role="status">
            <Eye size={18} aria-hidden="true" />
            <span>
              {t("versions.viewingBanner", { revision: viewing.revision, name: viewing.name ?? "" })}
            </span>
            <span className="spacer" />
            <button type="button" className="button" onClick={() => void restoreViewed(viewing.revision)}>
              <RotateCcw size={14} aria-hidden="true" />
              <span>{t("versions.restoreThis")}</span>
            </button>
            <button type="button" className="button button-primary" onClick={() => setViewing(null)}>
              {t("versions.backToCurrent")}
            </button>
          </div>
        )}

        <EditorContext.Provider value={readOnly ? viewer : editor}>
          <MapHeader map={shown} personas={personas.personas} onOpenPersonas={() => setPanel("personas")} />
          <MapGrid map={shown} personas={personas.personas} />
        </EditorContext.Provider>
      </div>

      {panel === "personas" && (
        <PersonaPanel
          store={personas}
          selectedIds={history.present.personaIds}
          readOnly={readOnly}
          onToggle={togglePersona}
          onClose={() => setPanel(null)}
        />
      )}
      {panel === "versions" && (
        <VersionPanel
          mapId={mapId}
          revision={doc.revision}
          viewing={viewing?.revision ?? null}
          onView={setViewing}
          onRestore={restore}
          onClose={() => setPanel(null)}
        />
      )}
      {panel === "data" && (
        <Suspense fallback={<div className="drawer page-loading" aria-busy="true" />}>
          <DataPanel
            map={history.present}
            workspaceId={doc.workspaceId}
            personas={personas.personas}
            savePersona={(persona) => personas.save(persona, false)}
            readOnly={readOnly}
            apply={doc.apply}
            saveNow={doc.saveNow}
            onClose={() => setPanel(null)}
          />
        </Suspense>
      )}
      {savingTemplate && (
        <SaveTemplateDialog
          mapId={mapId}
          defaultName={history.present.title}
          beforeSave={doc.saveNow}
          onClose={() => setSavingTemplate(false)}
        />
      )}
    </div>
  );
}
