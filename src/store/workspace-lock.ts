import type { Transaction } from "kysely";
import { NotFoundError } from "../domain/errors.js";
import type { Database } from "./schema.js";

/**
 * Serialises changes to one workspace's owners until the transaction ends. A no-op UPDATE takes the
 * workspace row's lock on PostgreSQL and the write lock on SQLite, so the owner count a transaction reads
 * afterwards cannot be changed by a concurrent one (FOR UPDATE would not run on SQLite).
 */
export async function lockWorkspace(tx: Transaction<Database>, workspaceId: string): Promise<void> {
  const result = await tx
    .updateTable("workspaces")
    .set((eb) => ({ name: eb.ref("name") }))
    .where("id", "=", workspaceId)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) === 0) throw new NotFoundError(`workspace ${workspaceId}`);
}
