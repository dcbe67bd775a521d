import { createContext, useContext } from "react";
import type { Me } from "../api/types.js";

export interface MeValue {
  me: Me;
  /** Reloads `Me` (after joining or creating a workspace, renaming oneself…). */
  refresh(): Promise<void>;
  /** Ends this session (or, `everywhere`, every session of the user) and returns to the sign-in screen. */
  signOut(options?: { everywhere?: boolean }): Promise<void>;
}

export const MeContext = createContext<MeValue | null>(null);

/** The signed-in user; only pages behind the sign-in screen use it. */
export function useMe(): MeValue {
  const value = useContext(MeContext);
  if (!value) throw new Error("useMe must be used inside a signed-in app");
  return value;
}
