import { Plus, Users } from "lucide-react";
import { type CSSProperties, useCallback, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Persona } from "../../domain/persona.js";
import { api } from "../api/client.js";
import type { MapSummary } from "../api/types.js";
import { useWorkspace } from "../app/workspace-context.js";
import { PersonaAvatar } from "../personas/PersonaAvatar.js";
import { ErrorState } from "../ui/ErrorState.js";
import { groupMapsByPersona } from "./group-by-persona.js";
import { ImportButton } from "./ImportButton.js";
import { MapTile } from "./MapTile.js";
import { NewMapDialog } from "./NewMapDialog.js";

export function MapListPage() {
  const { t } = useTranslation();
  const workspace = useWorkspace();
  const [maps, setMaps] = useState<MapSummary[] | null>(null);
  const [personas, setPersonas] = useState<Persona[]>([]);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);

  const load = useCallback(() => {
    Promise.all([api.maps(workspace.id), api.personas(workspace.id)])
      .then(([mapList, personaList]) => {
        setMaps(mapList);
        setPersonas(personaList);
      })
      .catch((reason: unknown) => setLoadError(reason instanceof Error ? reason.message : String(reason)));
  }, [workspace.id]);

  useEffect(load, [load]);

  const remove = async (summary: MapSummary) => {
    if (!window.confirm(t("mapList.confirmDelete", { title: summary.title }))) return;
    try {
      await api.deleteMap(summary.id);
      load();
    } catch (reason) {
      setActionError(reason instanceof Error ? reason.message : String(reason));
    }
  };

  const groups = maps ? groupMapsByPersona(maps, personas) : [];

  return (
    <div className="page">
      <div className="page-header">
        <div>
          <h1>{t("mapList.title")}</h1>
          <p className="page-subtitle">{t("mapList.subtitle")}</p>
        </div>
        <div className="page-actions">
          <ImportButton onError={setActionError} />
          <button type="button" className="button button-primary" onClick={() => setCreating(true)}>
            <Plus size={16} aria-hidden="true" />
            <span>{t("mapList.newMap")}</span>
          </button>
        </div>
      </div>

      {actionError && (
        <div className="alert alert-error" role="alert">
          <span>{actionError}</span>
          <button type="button" className="link-button" onClick={() => setActionError(null)}>
            {t("common.dismiss")}
          </button>
        </div>
      )}
      {loadError && <ErrorState title={t("errors.cannotLoad")} message={loadError} />}
      {!maps && !loadError && <div className="page-loading" aria-busy="true" />}

      {maps && maps.length === 0 && (
        <div className="empty-state">
          <h2>{t("mapList.emptyTitle")}</h2>
          <p>{t("mapList.emptyText")}</p>
          <button type="button" className="button button-primary" onClick={() => setCreating(true)}>
            <Plus size={16} aria-hidden="true" />
            <span>{t("mapList.createFirst")}</span>
          </button>
        </div>
      )}

      <div className="persona-groups">
        {groups.map((group) => (
          <section
            key={group.persona?.id ?? "none"}
            className="persona-group"
            style={{ "--tiles": group.maps.length } as CSSProperties}
            aria-label={group.persona?.name ?? t("mapList.noPersona")}
          >
            <h2 className="persona-group-title">
              {group.persona ? (
                <PersonaAvatar persona={group.persona} size="sm" />
              ) : (
                <span className="avatar avatar-sm avatar-empty" aria-hidden="true">
                  <Users size={14} />
                </span>
              )}
              <span className="persona-group-name">{group.persona?.name ?? t("mapList.noPersona")}</span>
              {group.persona?.occupation && (
                <span className="muted" title={group.persona.occupation}>
                  · {group.persona.occupation}
                </span>
              )}
              <span className="count-pill">{group.maps.length}</span>
            </h2>
            <ul className="map-tiles">
              {group.maps.map((summary) => (
                <li key={summary.id}>
                  <MapTile summary={summary} onDelete={() => void remove(summary)} />
                </li>
              ))}
            </ul>
          </section>
        ))}
      </div>

      {creating && <NewMapDialog onClose={() => setCreating(false)} />}
    </div>
  );
}
