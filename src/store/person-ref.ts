/** A user as other records mention them: id and display name, or null once the user is gone. */
export function personRef(id: string | null, name: string | null): { id: string; name: string } | null {
  return id === null || name === null ? null : { id, name };
}
