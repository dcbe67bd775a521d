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
  users: UserTable;
  sessions: SessionTable;
  instance_setup: InstanceSetupTable;
  memberships: MembershipTable;
  invitations: InvitationTable;
  share_links: ShareLinkTable;
  comments: CommentTable;
  activity: ActivityTable;
  live_docs: LiveDocTable;
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

export interface UserTable {
  id: string;
  /** Trimmed and lower-cased; unique. */
  email: string;
  name: string;
  /** `scrypt$N$r$p$salt$hash` (base64). */
  password_hash: string;
  created_at: string;
}

/** `id` is the SHA-256 (hex) of the cookie's token, so a leaked database does not leak sessions. */
export interface SessionTable {
  id: string;
  user_id: string;
  csrf_token: string;
  created_at: string;
  expires_at: string;
}

/** The single row (`id` = "owner") that marks the instance as set up; its primary key settles set-up races. */
export interface InstanceSetupTable {
  id: string;
  user_id: string;
  created_at: string;
}

export interface MembershipTable {
  workspace_id: string;
  user_id: string;
  role: string;
  created_at: string;
}

export interface InvitationTable {
  id: string;
  workspace_id: string;
  token_hash: string;
  role: string;
  created_by: string | null;
  created_at: string;
  expires_at: string;
  used_at: string | null;
  used_by: string | null;
}

export interface ShareLinkTable {
  id: string;
  map_id: string;
  token_hash: string;
  token_hint: string;
  password_hash: string | null;
  created_by: string | null;
  created_at: string;
  expires_at: string | null;
  revoked_at: string | null;
}

export interface CommentTable {
  id: string;
  map_id: string;
  target_kind: string;
  /** Stage or card id; null for the map itself. */
  target_id: string | null;
  parent_id: string | null;
  author_id: string | null;
  body: string;
  /** JSON array of user ids. */
  mentions: string;
  created_at: string;
  edited_at: string | null;
  resolved_at: string | null;
  resolved_by: string | null;
}

export interface ActivityTable {
  id: string;
  workspace_id: string;
  /** No foreign key: the log outlives deleted maps. */
  map_id: string | null;
  actor_id: string | null;
  action: string;
  /** JSON object. */
  details: string;
  created_at: string;
}

/** Base64 of the Yjs state: text keeps one column type on SQLite and PostgreSQL. */
export interface LiveDocTable {
  map_id: string;
  state: string;
  revision: number;
  updated_at: string;
}
