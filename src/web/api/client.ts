import type { JourneyMap, Lang } from "../../domain/journey-map.js";
import type { Persona } from "../../domain/persona.js";
import { csrfHeaders } from "./csrf.js";
import { failure, request } from "./request.js";
import type {
  AuthState,
  CreatedInvitation,
  ExportFormat,
  ImportFormat,
  Invitation,
  InvitationPreview,
  LoadedMap,
  MapSummary,
  Me,
  Role,
  TemplateInfo,
  User,
  VersionDetail,
  VersionInfo,
  Workspace,
  WorkspaceMember,
} from "./types.js";

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
      {
        method: "POST",
        body: file,
        headers: { "content-type": "application/octet-stream", ...csrfHeaders("POST") },
      },
    );
    if (!response.ok) throw await failure(response);
    return (await response.json()) as { map: JourneyMap; revision: number };
  },
  personas: (workspaceId: string) =>
    request<Persona[]>("GET", `/api/workspaces/${enc(workspaceId)}/personas`),
  createPersona: (workspaceId: string, persona: Persona) =>
    request<Persona>("POST", `/api/workspaces/${enc(workspaceId)}/personas`, persona),
  savePersona: (persona: Persona) => request<Persona>("PUT", `/api/personas/${enc(persona.id)}`, persona),
  deletePersona: (personaId: string) => request<void>("DELETE", `/api/personas/${enc(personaId)}`),
};

/** Accounts and sessions (the public routes among them need no CSRF token). */
export const authApi = {
  state: () => request<AuthState>("GET", "/api/auth/state"),
  me: () => request<Me>("GET", "/api/auth/me"),
  setUp: (body: { name: string; email: string; password: string }) =>
    request<Me>("POST", "/api/auth/setup", body),
  signIn: (body: { email: string; password: string }) => request<Me>("POST", "/api/auth/sign-in", body),
  signUp: (body: { name: string; email: string; password: string; invitation: string }) =>
    request<Me>("POST", "/api/auth/sign-up", body),
  signOut: () => request<void>("POST", "/api/auth/sign-out"),
  signOutEverywhere: () => request<void>("POST", "/api/auth/sign-out-everywhere"),
  rename: (name: string) => request<User>("PATCH", "/api/auth/me", { name }),
  changePassword: (currentPassword: string, newPassword: string) =>
    request<void>("POST", "/api/auth/password", { currentPassword, newPassword }),
};

/** Workspaces, their members and invitation links. */
export const teamApi = {
  createWorkspace: (name: string) => request<Workspace>("POST", "/api/workspaces", { name }),
  renameWorkspace: (workspaceId: string, name: string) =>
    request<Workspace>("PATCH", `/api/workspaces/${enc(workspaceId)}`, { name }),
  members: (workspaceId: string) =>
    request<WorkspaceMember[]>("GET", `/api/workspaces/${enc(workspaceId)}/members`),
  changeRole: (workspaceId: string, userId: string, role: Role) =>
    request<WorkspaceMember>("PATCH", `/api/workspaces/${enc(workspaceId)}/members/${enc(userId)}`, { role }),
  removeMember: (workspaceId: string, userId: string) =>
    request<void>("DELETE", `/api/workspaces/${enc(workspaceId)}/members/${enc(userId)}`),
  invitations: (workspaceId: string) =>
    request<Invitation[]>("GET", `/api/workspaces/${enc(workspaceId)}/invitations`),
  /** `mail`: also email the link to this address, in this language (the server needs SMTP_URL). */
  invite: (
    workspaceId: string,
    role: Role,
    expiresInDays: number,
    mail: { email?: string; lang?: Lang } = {},
  ) =>
    request<CreatedInvitation>("POST", `/api/workspaces/${enc(workspaceId)}/invitations`, {
      role,
      expiresInDays,
      ...mail,
    }),
  revokeInvitation: (workspaceId: string, invitationId: string) =>
    request<void>("DELETE", `/api/workspaces/${enc(workspaceId)}/invitations/${enc(invitationId)}`),
  previewInvitation: (token: string) => request<InvitationPreview>("GET", `/api/invitations/${enc(token)}`),
  acceptInvitation: (token: string) =>
    request<{ workspaceId: string; role: Role }>("POST", "/api/invitations/accept", { token }),
};
