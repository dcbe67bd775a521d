import { BookmarkPlus, ChartColumn, Eye, History, Redo2, RotateCcw, Undo2, Users, X } from "lucide-react";
import { lazy, Suspense, useCallback, useEffect, useMemo, useState } from "react";
import { updateMapInfo } from "../../domain/map-operations.js";
import { ActivityButton } from "../activity/ActivityButton.js";
import { ActivityDrawer } from "../activity/ActivityDrawer.js";
import { api } from "../api/client.js";
import type { VersionDetail } from "../api/types.js";
import { CommentsButton } from "../comments/CommentsButton.js";
import { CommentsDrawer } from "../comments/CommentsDrawer.js";
import { CommentBadgeContext, useMapComments } from "../comments/use-map-comments.js";
import { useUiText } from "../i18n/ui-text.js";
import { LiveBanner } from "../live/LiveBanner.js";
import { PresenceAvatars } from "../live/PresenceAvatars.js";
import { PresenceOutlines } from "../live/PresenceOutlines.js";
import { useEditingFocus } from "../live/use-editing-focus.js";
import { PersonaPanel } from "../personas/PersonaPanel.js";
import { usePersonas } from "../personas/use-personas.js";
import { ShareButton } from "../sharing/ShareButton.js";
import { ErrorState } from "../ui/ErrorState.js";
import { IconButton } from "../ui/IconButton.js";
import { VersionPanel } from "../versions/VersionPanel.js";
import { ExportMenu } from "./ExportMenu.js";
import { type EditorActions, EditorContext } from "./editor-context.js";
import { MapGrid } from "./MapGrid.js";
import { MapHeader } from "./MapHeader.js";
import { SaveStatus } from "./SaveStatus.js";
import { SaveTemplateDialog } from "./SaveTemplateDialog.js";
import { useMapDocument } from "./use-map-document.js";
import { useUndoShortcuts } from "./use-undo-shortcuts.js";

type Panel = "personas" | "versions" | "data" | "comments" | "activity" | null;

// Charts and the import UI are heavy; loading them on first open keeps the editor's start fast.
const DataPanel = lazy(() => import("../data-panel/DataPanel.js"));

interface Props {
  mapId: string;
  /** Told which workspace the map is in, once loaded, so the top bar can show that one. */
  onWorkspace?: (workspaceId: string) => void;
}

export function MapEditorPage({ mapId, onWorkspace }: Props) {
  const { t } = useUiText();
  const doc = useMapDocument(mapId);
  useEffect(() => {
    if (doc.workspaceId) onWorkspace?.(doc.workspaceId);
  }, [doc.workspaceId, onWorkspace]);
  const personas = usePersonas(doc.workspaceId);
  const [panel, setPanel] = useState<Panel>(null);
  const [viewing, setViewing] = useState<VersionDetail | null>(null);
  const [savingTemplate, setSavingTemplate] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const comments = useMapComments(mapId, doc.workspaceId, () => setPanel("comments"));

  // Commenters and viewers, and everyone until the live document has synced, see the map read-only.
  const readOnly = viewing !== null || !doc.editable;
  const editor = useMemo<EditorActions>(() => ({ apply: doc.apply, readOnly }), [doc.apply, readOnly]);
  const viewer = useMemo<EditorActions>(() => ({ apply: () => {}, readOnly: true }), []);
  useUndoShortcuts(doc.undo, doc.redo, !readOnly);
  useEditingFocus(doc.setFocus);

  // The server writes the restored map into the live document, so this editor gets it like any edit.
  const { saveNow, storedRevision } = doc;
  const restore = useCallback(
    async (revision: number) => {
      await saveNow();
      await api.restoreVersion(mapId, revision, await storedRevision());
      await storedRevision();
      setViewing(null);
    },
    [saveNow, storedRevision, mapId],
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
  const current = doc.map;
  if (!current) return <div className="page-loading" aria-busy="true" />;
  const shown = viewing?.map ?? current;

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
            <span className="breadcrumb-current">{current.title}</span>
            <span className="toolbar-divider" />
            <IconButton
              icon={Undo2}
              label={t("toolbar.undo")}
              title={t("toolbar.undoHint")}
              onClick={doc.undo}
              disabled={readOnly || !doc.canUndo}
            />
            <IconButton
              icon={Redo2}
              label={t("toolbar.redo")}
              title={t("toolbar.redoHint")}
              onClick={doc.redo}
              disabled={readOnly || !doc.canRedo}
            />
            <SaveStatus state={doc.saveState} watching={!doc.mayEdit} />
            <PresenceAvatars peers={doc.peers} />
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
            {doc.mayEdit && (
              <button type="button" className="button" onClick={() => setSavingTemplate(true)}>
                <BookmarkPlus size={16} aria-hidden="true" />
                <span>{t("toolbar.saveAsTemplate")}</span>
              </button>
            )}
            <CommentsButton
              openCount={comments.openTotal}
              pressed={panel === "comments"}
              onClick={() => {
                comments.setFocus(null);
                setPanel(panel === "comments" ? null : "comments");
              }}
            />
            <ActivityButton
              workspaceId={doc.workspaceId}
              pressed={panel === "activity"}
              onClick={() => setPanel(panel === "activity" ? null : "activity")}
            />
            <ExportMenu mapId={mapId} beforeExport={doc.saveNow} onError={setNotice} />
            <ShareButton mapId={mapId} workspaceId={doc.workspaceId} />
          </div>
        </div>

        <LiveBanner link={doc.link} role={doc.role} />
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
          <CommentBadgeContext.Provider value={comments.badges}>
            <MapGrid map={shown} personas={personas.personas} />
          </CommentBadgeContext.Provider>
        </EditorContext.Provider>
        <PresenceOutlines peers={doc.peers} />
      </div>

      {panel === "personas" && (
        <PersonaPanel
          store={personas}
          selectedIds={current.personaIds}
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
      {panel === "comments" && (
        <CommentsDrawer
          map={current}
          workspaceId={doc.workspaceId}
          comments={comments}
          onClose={() => setPanel(null)}
        />
      )}
      {panel === "activity" && (
        <ActivityDrawer mapId={mapId} revision={doc.revision} onClose={() => setPanel(null)} />
      )}
      {panel === "data" && (
        <Suspense fallback={<div className="drawer page-loading" aria-busy="true" />}>
          <DataPanel
            map={current}
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
          defaultName={current.title}
          beforeSave={doc.saveNow}
          onClose={() => setSavingTemplate(false)}
        />
      )}
    </div>
  );
}
