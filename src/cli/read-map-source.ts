import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { NotFoundError, TropaError } from "../domain/errors.js";
import { importFormatOf, importMap } from "../exchange/import-map.js";
import { type MapFile, toMapFile } from "../exchange/map-file.js";
import { openConfiguredStore, readStoreConfig } from "./store-config.js";

/**
 * The map behind a command argument: a map file when the path exists (.json, .xlsx or .csv),
 * otherwise the id of a map in the store.
 */
export async function readMapSource(source: string): Promise<MapFile> {
  if (existsSync(source)) return readMapFile(source);
  const config = readStoreConfig();
  const store = await openConfiguredStore(config);
  try {
    const stored = await store.getMap(source);
    const personas = await store.listPersonas(stored.workspaceId);
    return toMapFile(
      stored.map,
      personas.filter((persona) => stored.map.personaIds.includes(persona.id)),
    );
  } catch (error) {
    if (error instanceof NotFoundError) {
      const where = config.databaseUrl ? "the DATABASE_URL store" : `the store in ${config.dataDir}`;
      throw new TropaError("not_found", 404, `${source}: no such file, and no map with this id in ${where}`);
    }
    throw error;
  } finally {
    await store.close();
  }
}

/** Reads a map file, choosing the parser by extension (JSON when the extension says nothing). */
export async function readMapFile(file: string): Promise<MapFile> {
  const bytes = new Uint8Array(await readFile(file));
  return importMap(bytes, importFormatOf(file) ?? "json", path.basename(file));
}
