/**
 * True when the database refused a row because a unique or primary key already holds its value.
 * Racing writers learn they lost this way: PostgreSQL reports SQLSTATE 23505, SQLite a constraint code.
 */
export function isUniqueViolation(error: unknown): boolean {
  if (typeof error !== "object" || error === null || !("code" in error)) return false;
  const { code } = error;
  return code === "23505" || code === "SQLITE_CONSTRAINT_UNIQUE" || code === "SQLITE_CONSTRAINT_PRIMARYKEY";
}
