import { ImportError } from "../../domain/errors.js";

/** Which source column or field holds each part of an event. */
export type ColumnMapping = { person: string; time: string; event: string; id: string };
export const DEFAULT_MAPPING: ColumnMapping = { person: "person", time: "time", event: "event", id: "id" };

const TARGETS = Object.keys(DEFAULT_MAPPING) as (keyof ColumnMapping)[];

/**
 * Reads `--map person=COL,time=COL,event=COL[,id=COL]`; unnamed parts keep their default column names.
 * @example parseMapping("person=client_id,time=Дата") // { person: "client_id", time: "Дата", event: "event", id: "id" }
 */
export function parseMapping(spec: string | undefined): ColumnMapping {
  const mapping = { ...DEFAULT_MAPPING };
  if (!spec) return mapping;
  for (const pair of spec.split(",")) {
    const [target = "", column = ""] = pair.split("=", 2).map((part) => part.trim());
    if (!isTarget(target) || column === "") {
      throw new ImportError(
        `"${pair}" is not a column mapping; use person=COLUMN,time=COLUMN,event=COLUMN[,id=COLUMN]`,
        "--map",
      );
    }
    mapping[target] = column;
  }
  return mapping;
}

function isTarget(name: string): name is keyof ColumnMapping {
  return (TARGETS as string[]).includes(name);
}

/** Header names compare case-insensitively and ignoring surrounding spaces. */
export function sameColumn(header: string, wanted: string): boolean {
  return header.trim().toLowerCase() === wanted.trim().toLowerCase();
}
