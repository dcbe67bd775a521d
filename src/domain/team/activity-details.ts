import { z } from "zod";
import type { ActivityAction } from "./activity.js";
import { mapChangeSchema } from "./map-changes.js";
import { roleSchema } from "./role.js";

const mapTitle = { title: z.string() };

/**
 * What each action keeps in an entry's `details`, enough to word it without looking anything up
 * (the map or member may be gone by the time someone reads the log). The server writes these shapes;
 * the UI parses them and falls back to a plain sentence when a field is missing.
 */
export const activityDetailsSchemas = {
  "map.created": z.object(mapTitle),
  "map.edited": z.object({ ...mapTitle, changes: z.array(mapChangeSchema) }),
  "map.deleted": z.object(mapTitle),
  "map.restored": z.object({ ...mapTitle, revision: z.number().int() }),
  "map.imported": z.object({ ...mapTitle, filename: z.string().optional() }),
  "persona.saved": z.object({ name: z.string() }),
  "persona.deleted": z.object({ name: z.string() }),
  /** `excerpt`: the start of the comment; `target`: the stage or card text it is pinned to, if any. */
  "comment.added": z.object({ ...mapTitle, excerpt: z.string().optional(), target: z.string().optional() }),
  "comment.resolved": z.object({ ...mapTitle, excerpt: z.string().optional() }),
  "comment.reopened": z.object({ ...mapTitle, excerpt: z.string().optional() }),
  "share.created": z.object(mapTitle),
  "share.revoked": z.object(mapTitle),
  "member.invited": z.object({ role: roleSchema }),
  "member.joined": z.object({ role: roleSchema }),
  /** `userId` and `name`: the member whose role changed. */
  "member.role_changed": z.object({ userId: z.string(), name: z.string(), role: roleSchema }),
  /** The actor removed the member `userId`, or (`left`) they left themselves; `name` is null when unknown. */
  "member.removed": z.object({ userId: z.string(), name: z.string().nullable(), left: z.boolean() }),
  "events.imported": z.object({
    filename: z.string(),
    inserted: z.number().int(),
    duplicates: z.number().int(),
    rejected: z.number().int(),
  }),
  "workspace.created": z.object({ name: z.string() }),
  "workspace.renamed": z.object({ from: z.string(), to: z.string() }),
} satisfies Record<ActivityAction, z.ZodType>;

export type ActivityDetails<A extends ActivityAction> = z.infer<(typeof activityDetailsSchemas)[A]>;
