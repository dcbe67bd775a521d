import { z } from "zod";

/** Everything the activity log records; the UI words each one in the reader's language. */
export const ACTIVITY_ACTIONS = [
  "map.created",
  "map.edited",
  "map.deleted",
  "map.restored",
  "map.imported",
  "persona.saved",
  "persona.deleted",
  "comment.added",
  "comment.resolved",
  "comment.reopened",
  "share.created",
  "share.revoked",
  "member.invited",
  "member.joined",
  "member.role_changed",
  "member.removed",
  "events.imported",
  "workspace.created",
  "workspace.renamed",
] as const;
export const activityActionSchema = z.enum(ACTIVITY_ACTIONS);
export type ActivityAction = z.infer<typeof activityActionSchema>;

/**
 * One line of the log. `details` holds what the sentence needs (a map title, a role, counts, and for
 * map edits a list of changes such as `{ kind: "card-added", stage: "Search" }`), as plain JSON.
 */
export const activityEntrySchema = z.object({
  id: z.string(),
  workspaceId: z.string(),
  mapId: z.string().nullable(),
  actor: z.object({ id: z.string(), name: z.string() }).nullable(),
  action: activityActionSchema,
  details: z.record(z.string(), z.unknown()),
  createdAt: z.string(),
});
export type ActivityEntry = z.infer<typeof activityEntrySchema>;

export const activityPageSchema = z.object({
  entries: z.array(activityEntrySchema),
  /** Pass as `before` for the next, older page; null when there is none. */
  next: z.string().nullable(),
});
export type ActivityPage = z.infer<typeof activityPageSchema>;
