/**
 * The tables as Kysely sees them. Documents are JSON text and timestamps ISO-8601 text,
 * so one query layer works unchanged on SQLite and PostgreSQL.
 */
export interface Database {
  workspaces: WorkspaceTable;
  personas: PersonaTable;
  maps: MapTable;
  map_versions: MapVersionTable;
  workspace_templates: WorkspaceTemplateTable;
  write_keys: WriteKeyTable;
}

export interface WorkspaceTable {
  id: string;
  name: string;
  created_at: string;
}

export interface PersonaTable {
  id: string;
  workspace_id: string;
  doc: string;
  created_at: string;
  updated_at: string;
}

export interface MapTable {
  id: string;
  workspace_id: string;
  title: string;
  doc: string;
  revision: number;
  created_at: string;
  updated_at: string;
}

export interface MapVersionTable {
  map_id: string;
  revision: number;
  doc: string;
  name: string | null;
  created_at: string;
}

export interface WorkspaceTemplateTable {
  id: string;
  workspace_id: string;
  name: string;
  doc: string;
  created_at: string;
}

/** The secret a workspace's capture clients send with their events (one per workspace). */
export interface WriteKeyTable {
  workspace_id: string;
  write_key: string;
  created_at: string;
}
