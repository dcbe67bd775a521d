import type { EventSummary, PropertyExamples } from "../../domain/analytics/event-summary.js";
import type { ImportJob } from "../../domain/analytics/import-job.js";
import type { ImportPreview } from "../../domain/analytics/import-preview.js";
import type {
  MapCompareAnswer,
  MapCompareRequest,
  MapFunnelAnswer,
  MapFunnelRequest,
  MapPathsAnswer,
  MapPathsRequest,
} from "../../domain/analytics/map-analytics.js";
import type { ImportOptions } from "./analytics-types.js";
import { toApiError } from "./api-error.js";
import { csrfHeaders } from "./csrf.js";
import { noticeSessionExpiry } from "./session-expiry.js";

const enc = encodeURIComponent;

async function send<T>(path: string, init: RequestInit): Promise<T> {
  const response = await fetch(path, {
    ...init,
    headers: { accept: "application/json", ...csrfHeaders(init.method), ...init.headers },
  });
  if (!response.ok) {
    const error = await toApiError(response);
    noticeSessionExpiry(error);
    throw error;
  }
  return (await response.json()) as T;
}

const getJson = <T>(path: string) => send<T>(path, { method: "GET" });
const postJson = <T>(path: string, body: unknown) =>
  send<T>(path, {
    method: "POST",
    body: JSON.stringify(body),
    headers: { "content-type": "application/json" },
  });

/** The query string of an import or its preview: `filename`, `preset`, `map=person=A,time=B,event=C`. */
export function importQuery(filename: string, options: ImportOptions): string {
  const parts = [`filename=${enc(filename)}`];
  if (options.preset) parts.push(`preset=${enc(options.preset)}`);
  if (options.mapping) {
    const { person, time, event } = options.mapping;
    parts.push(`map=${enc(`person=${person},time=${time},event=${event}`)}`);
  }
  if (options.skipInvalid) parts.push("skipInvalid=true");
  return parts.join("&");
}

const postBytes = <T>(path: string, body: Blob) =>
  send<T>(path, { method: "POST", body, headers: { "content-type": "application/octet-stream" } });

/** Typed wrappers over the analytics part of the HTTP API (events, imports, map funnel/paths/compare). */
export const analyticsApi = {
  summary: (workspaceId: string) =>
    getJson<EventSummary>(`/api/workspaces/${enc(workspaceId)}/events/summary`),
  properties: (workspaceId: string, event?: string) =>
    getJson<{ properties: PropertyExamples[] }>(
      `/api/workspaces/${enc(workspaceId)}/events/properties${event ? `?event=${enc(event)}` : ""}`,
    ),
  previewImport: (workspaceId: string, filename: string, bytes: Blob, options: ImportOptions) =>
    postBytes<ImportPreview>(
      `/api/workspaces/${enc(workspaceId)}/imports/preview?${importQuery(filename, options)}`,
      bytes,
    ),
  startImport: (workspaceId: string, file: File, options: ImportOptions) =>
    postBytes<ImportJob>(
      `/api/workspaces/${enc(workspaceId)}/imports?${importQuery(file.name, options)}`,
      file,
    ),
  imports: (workspaceId: string) =>
    getJson<{ imports: ImportJob[] }>(`/api/workspaces/${enc(workspaceId)}/imports`),
  importJob: (workspaceId: string, importId: string) =>
    getJson<ImportJob>(`/api/workspaces/${enc(workspaceId)}/imports/${enc(importId)}`),
  funnel: (mapId: string, request: MapFunnelRequest) =>
    postJson<MapFunnelAnswer>(`/api/maps/${enc(mapId)}/funnel`, request),
  paths: (mapId: string, request: MapPathsRequest) =>
    postJson<MapPathsAnswer>(`/api/maps/${enc(mapId)}/paths`, request),
  writeKey: (workspaceId: string) =>
    getJson<{ writeKey: string }>(`/api/workspaces/${enc(workspaceId)}/write-key`),
  rotateWriteKey: (workspaceId: string) =>
    postJson<{ writeKey: string }>(`/api/workspaces/${enc(workspaceId)}/write-key/rotate`, {}),
  compare: (mapId: string, request: MapCompareRequest) =>
    postJson<MapCompareAnswer>(`/api/maps/${enc(mapId)}/compare`, request),
};
