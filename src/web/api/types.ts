import type { JourneyMap, Lang } from "../../domain/journey-map.js";
import type { MapPreview } from "../../domain/map-preview.js";
import type { Persona } from "../../domain/persona.js";
import type { AuthState, Me, MemberWorkspace, User } from "../../domain/team/account.js";
import type { CreatedInvitation, Invitation, InvitationPreview } from "../../domain/team/invitation.js";
import type { Role } from "../../domain/team/role.js";
import type { WorkspaceMember } from "../../domain/team/workspace-member.js";

/** A workspace as the signed-in user sees it: with their role there. */
export type Workspace = MemberWorkspace;

export interface MapSummary {
  id: string;
  title: string;
  description?: string;
  personaIds: string[];
  state: "as-is" | "to-be";
  revision: number;
  updatedAt: string;
  lastReviewedAt: string | null;
  reviewOverdue: boolean;
  stageCount?: number;
  preview: MapPreview;
}

export interface TemplateInfo {
  id: string;
  kind: "model" | "example";
  source?: "built-in" | "workspace";
  name: Record<Lang, string> | string;
  description?: Record<Lang, string> | string;
}

export interface LoadedMap {
  map: JourneyMap;
  revision: number;
  updatedAt: string;
  workspaceId: string;
}

export interface VersionInfo {
  revision: number;
  name: string | null;
  createdAt: string;
}

export interface VersionDetail extends VersionInfo {
  map: JourneyMap;
}

export const EXPORT_FORMATS = ["json", "xlsx", "csv", "md", "mermaid", "png", "pdf"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const IMPORT_FORMATS = ["json", "xlsx", "csv"] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

export type {
  AuthState,
  CreatedInvitation,
  Invitation,
  InvitationPreview,
  JourneyMap,
  Me,
  MemberWorkspace,
  Persona,
  Role,
  User,
  WorkspaceMember,
};
