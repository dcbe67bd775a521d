import type { JourneyMap, Lang } from "../../domain/journey-map.js";
import type { Persona } from "../../domain/persona.js";
import { toApiError } from "./api-error.js";
import type {
  ExportFormat,
  ImportFormat,
  LoadedMap,
  MapSummary,
  TemplateInfo,
  VersionDetail,
  VersionInfo,
  Workspace,
} from "./types.js";

async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  const init: RequestInit = { method, headers: { accept: "application/json" } };
  if (body !== undefined) {
    init.body = JSON.stringify(body);
    init.headers = { ...init.headers, "content-type": "application/json" };
  }
  const response = await fetch(path, init);
  if (!response.ok) throw await toApiError(response);
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

const enc = encodeURIComponent;

/** Thin typed wrappers over the HTTP API table in docs/ARCHITECTURE.md. */
export const api = {
  workspaces: () => request<Workspace[]>("GET", "/api/workspaces"),
  templates: () => request<TemplateInfo[]>("GET", "/api/templates"),
  maps: (workspaceId: string) => request<MapSummary[]>("GET", `/api/workspaces/${enc(workspaceId)}/maps`),
  createFromTemplate: (workspaceId: string, templateId: string, lang: Lang) =>
    request<{ map: JourneyMap; revision: number }>("POST", `/api/workspaces/${enc(workspaceId)}/maps`, {
      templateId,
      lang,
    }),
  map: (mapId: string) => request<LoadedMap>("GET", `/api/maps/${enc(mapId)}`),
  saveMap: (map: JourneyMap, baseRevision: number) =>
    request<{ revision: number; updatedAt: string }>("PUT", `/api/maps/${enc(map.id)}`, {
      map,
      baseRevision,
    }),
  deleteMap: (mapId: string) => request<void>("DELETE", `/api/maps/${enc(mapId)}`),
  markReviewed: (mapId: string) =>
    request<{ map: JourneyMap; revision: number }>("POST", `/api/maps/${enc(mapId)}/review`),
  versions: (mapId: string) => request<VersionInfo[]>("GET", `/api/maps/${enc(mapId)}/versions`),
  version: (mapId: string, revision: number) =>
    request<VersionDetail>("GET", `/api/maps/${enc(mapId)}/versions/${revision}`),
  nameVersion: (mapId: string, revision: number, name: string) =>
    request<unknown>("PUT", `/api/maps/${enc(mapId)}/versions/${revision}`, { name }),
  restoreVersion: (mapId: string, revision: number, baseRevision: number) =>
    request<{ map?: JourneyMap; revision: number }>(
      "POST",
      `/api/maps/${enc(mapId)}/versions/${revision}/restore`,
      { baseRevision },
    ),
  saveAsTemplate: (mapId: string, name: string) =>
    request<unknown>("POST", `/api/maps/${enc(mapId)}/template`, { name }),
  exportUrl: (mapId: string, format: ExportFormat) => `/api/maps/${enc(mapId)}/export?format=${format}`,
  importFile: async (workspaceId: string, format: ImportFormat, file: File) => {
    const response = await fetch(
      `/api/workspaces/${enc(workspaceId)}/import?format=${format}&filename=${enc(file.name)}`,
      { method: "POST", body: file, headers: { "content-type": "application/octet-stream" } },
    );
    if (!response.ok) throw await toApiError(response);
    return (await response.json()) as { map: JourneyMap; revision: number };
  },
  personas: (workspaceId: string) =>
    request<Persona[]>("GET", `/api/workspaces/${enc(workspaceId)}/personas`),
  createPersona: (workspaceId: string, persona: Persona) =>
    request<Persona>("POST", `/api/workspaces/${enc(workspaceId)}/personas`, persona),
  savePersona: (persona: Persona) => request<Persona>("PUT", `/api/personas/${enc(persona.id)}`, persona),
  deletePersona: (personaId: string) => request<void>("DELETE", `/api/personas/${enc(personaId)}`),
};
