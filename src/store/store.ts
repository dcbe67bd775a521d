import type { JourneyMap } from "../domain/journey-map.js";
import type { MapPreview } from "../domain/map-preview.js";
import type { Persona } from "../domain/persona.js";
import type { AccountStore } from "./account-store.js";
import type { ActivityStore } from "./activity-store.js";
import type { CommentStore } from "./comment-store.js";
import type { LiveDocStore } from "./live-doc-store.js";
import type { MemberStore } from "./member-store.js";
import type { ShareLinkStore } from "./share-link-store.js";
import type { WorkspaceSummary } from "./workspace-summary.js";

export type { WorkspaceSummary } from "./workspace-summary.js";

/** The one place every write goes through; the server's policy checks run before these calls. */
export interface Store {
  readonly kind: "sqlite" | "postgres";
  /** Team data, one part per concept, over the same database. */
  readonly accounts: AccountStore;
  readonly members: MemberStore;
  readonly shareLinks: ShareLinkStore;
  readonly comments: CommentStore;
  readonly activity: ActivityStore;
  readonly liveDocs: LiveDocStore;

  listWorkspaces(): Promise<WorkspaceSummary[]>;
  getWorkspace(id: string): Promise<WorkspaceSummary>;
  createWorkspace(name: string): Promise<WorkspaceSummary>;

  listMaps(workspaceId: string): Promise<MapSummary[]>;
  /** Stores the map (fresh ids are the caller's job) and the personas it brings, in one transaction. */
  createMap(workspaceId: string, map: JourneyMap, personas?: Persona[]): Promise<StoredMap>;
  getMap(id: string): Promise<StoredMap>;
  /** The owning workspace alone, for permission checks that need no content. */
  getMapWorkspaceId(id: string): Promise<string>;
  /** Saves a new revision; throws ConflictError when baseRevision is not the latest. */
  saveMap(id: string, map: JourneyMap, baseRevision: number): Promise<StoredMap>;
  deleteMap(id: string): Promise<void>;

  listVersions(mapId: string): Promise<MapVersionSummary[]>;
  getVersion(mapId: string, revision: number): Promise<MapVersion>;
  nameVersion(mapId: string, revision: number, name: string): Promise<MapVersionSummary>;
  /** Saves the old content as a new revision on top of baseRevision. */
  restoreVersion(mapId: string, revision: number, baseRevision: number): Promise<StoredMap>;

  listPersonas(workspaceId: string): Promise<Persona[]>;
  getPersona(id: string): Promise<{ persona: Persona; workspaceId: string }>;
  savePersona(workspaceId: string, persona: Persona): Promise<Persona>;
  deletePersona(id: string): Promise<void>;

  listWorkspaceTemplates(workspaceId: string): Promise<WorkspaceTemplate[]>;
  getWorkspaceTemplate(id: string): Promise<WorkspaceTemplate>;
  saveWorkspaceTemplate(workspaceId: string, name: string, map: JourneyMap): Promise<WorkspaceTemplate>;

  /** The workspace's capture write key, created on first use. */
  getWriteKey(workspaceId: string): Promise<string>;
  /** Replaces the workspace's write key; the old one stops working at once. */
  rotateWriteKey(workspaceId: string): Promise<string>;
  /** The workspace a write key belongs to; null for an unknown key. */
  findWorkspaceByWriteKey(writeKey: string): Promise<string | null>;

  close(): Promise<void>;
}

export interface StoredMap {
  map: JourneyMap;
  workspaceId: string;
  revision: number;
  createdAt: string;
  updatedAt: string;
}

export interface MapSummary {
  id: string;
  title: string;
  description: string;
  personaIds: string[];
  state: JourneyMap["state"];
  lang: JourneyMap["lang"];
  stageCount: number;
  revision: number;
  updatedAt: string;
  lastReviewedAt: string | null;
  reviewOverdue: boolean;
  /** The funnel's shape, key barrier and evidence per stage, for the map list's tiles. */
  preview: MapPreview;
}

export interface MapVersionSummary {
  revision: number;
  name: string | null;
  createdAt: string;
}

export interface MapVersion extends MapVersionSummary {
  map: JourneyMap;
}

export interface WorkspaceTemplate {
  id: string;
  workspaceId: string;
  name: string;
  map: JourneyMap;
  createdAt: string;
}

export interface StoreConfig {
  /** Directory for the embedded SQLite database (default ./data). */
  dataDir: string;
  /** When set (postgres://…), PostgreSQL is used instead of SQLite. */
  databaseUrl?: string | undefined;
}
