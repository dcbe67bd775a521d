import { useCallback, useEffect, useState } from "react";
import type { Persona } from "../../domain/persona.js";
import { api } from "../api/client.js";

export interface PersonaStore {
  personas: Persona[];
  error: string | null;
  loaded: boolean;
  /** Resolves to the stored persona: a new one gets its id from the server. */
  save: (persona: Persona, isNew: boolean) => Promise<Persona>;
  remove: (personaId: string) => Promise<void>;
}

/** The workspace's personas, kept in step with the server after each save. */
export function usePersonas(workspaceId: string): PersonaStore {
  const [personas, setPersonas] = useState<Persona[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [loaded, setLoaded] = useState(false);

  const load = useCallback(async () => {
    try {
      setPersonas(await api.personas(workspaceId));
      setError(null);
    } catch (reason) {
      setError(reason instanceof Error ? reason.message : String(reason));
    } finally {
      setLoaded(true);
    }
  }, [workspaceId]);

  useEffect(() => {
    if (workspaceId) void load();
  }, [load, workspaceId]);

  const save = useCallback(
    async (persona: Persona, isNew: boolean) => {
      const stored = isNew ? await api.createPersona(workspaceId, persona) : await api.savePersona(persona);
      await load();
      return stored;
    },
    [workspaceId, load],
  );

  const remove = useCallback(
    async (personaId: string) => {
      await api.deletePersona(personaId);
      await load();
    },
    [load],
  );

  return { personas, error, loaded, save, remove };
}
