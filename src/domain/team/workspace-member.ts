import { z } from "zod";
import { roleSchema } from "./role.js";

export const workspaceMemberSchema = z.object({
  userId: z.string(),
  email: z.string(),
  name: z.string(),
  role: roleSchema,
  joinedAt: z.string(),
});
export type WorkspaceMember = z.infer<typeof workspaceMemberSchema>;

export const changeRoleBodySchema = z.object({ role: roleSchema });
