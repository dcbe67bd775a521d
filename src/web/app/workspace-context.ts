import { createContext, useContext } from "react";
import type { Workspace } from "../api/types.js";

export const WorkspaceContext = createContext<Workspace | null>(null);

export function useWorkspace(): Workspace {
  const workspace = useContext(WorkspaceContext);
  if (!workspace) throw new Error("useWorkspace must be used inside a loaded workspace");
  return workspace;
}
