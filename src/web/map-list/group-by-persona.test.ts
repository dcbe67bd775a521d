import { describe, expect, it } from "vitest";
import { type Persona, personaSchema } from "../../domain/persona.js";
import type { MapSummary } from "../api/types.js";
import { groupMapsByPersona } from "./group-by-persona.js";

const persona = (id: string, name: string): Persona => personaSchema.parse({ schemaVersion: 1, id, name });
const summary = (id: string, personaIds: string[], updatedAt: string): MapSummary => ({
  id,
  title: id,
  personaIds,
  state: "as-is",
  revision: 1,
  updatedAt,
  lastReviewedAt: null,
  reviewOverdue: false,
  preview: { counts: [], levels: [], keyBarrier: null },
});

describe("groupMapsByPersona", () => {
  const anna = persona("anna", "Anna");
  const boris = persona("boris", "Boris");

  it("groups by persona in persona order with maps newest first", () => {
    const groups = groupMapsByPersona(
      [summary("old", ["anna"], "2026-01-01"), summary("new", ["anna"], "2026-03-01")],
      [boris, anna],
    );
    expect(groups.map((g) => g.persona?.name)).toEqual(["Anna"]);
    expect(groups[0]?.maps.map((m) => m.id)).toEqual(["new", "old"]);
  });

  it("lists a shared map under each persona and collects maps without a known persona last", () => {
    const groups = groupMapsByPersona(
      [summary("shared", ["anna", "boris"], "2026-01-01"), summary("lost", ["ghost"], "2026-01-02")],
      [anna, boris],
    );
    expect(groups.map((g) => [g.persona?.id ?? null, g.maps.map((m) => m.id)])).toEqual([
      ["anna", ["shared"]],
      ["boris", ["shared"]],
      [null, ["lost"]],
    ]);
  });
});
