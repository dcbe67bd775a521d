import { createContext, useContext } from "react";
import type { MemberWorkspace } from "../api/types.js";

/** The workspace the switcher has chosen, with the signed-in user's role in it. */
export const WorkspaceContext = createContext<MemberWorkspace | null>(null);

export function useWorkspace(): MemberWorkspace {
  const workspace = useContext(WorkspaceContext);
  if (!workspace) throw new Error("useWorkspace must be used inside a loaded workspace");
  return workspace;
}

const STORAGE_KEY = "tropa.workspace";
/** The choice of this tab, for browsers that forbid storage. */
let chosenHere: string | null = null;

/** The remembered workspace when the user still belongs to it, else their first one. */
export function pickWorkspace(
  workspaces: readonly MemberWorkspace[],
  rememberedId: string | null,
): MemberWorkspace | null {
  return workspaces.find((workspace) => workspace.id === rememberedId) ?? workspaces[0] ?? null;
}

export function rememberedWorkspaceId(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY) ?? chosenHere;
  } catch {
    return chosenHere;
  }
}

export function rememberWorkspace(workspaceId: string): void {
  chosenHere = workspaceId;
  try {
    localStorage.setItem(STORAGE_KEY, workspaceId);
  } catch {
    // Private mode may forbid storage; `chosenHere` then keeps the choice for this tab.
  }
}
