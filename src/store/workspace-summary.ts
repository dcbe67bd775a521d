/** A workspace as lists show it; its own file so the part stores can use it without importing Store. */
export interface WorkspaceSummary {
  id: string;
  name: string;
  createdAt: string;
}
