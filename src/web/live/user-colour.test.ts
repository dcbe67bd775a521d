import { describe, expect, it } from "vitest";
import { colourOf, PRESENCE_COLOURS } from "./user-colour.js";

describe("colourOf", () => {
  it("gives one person the same colour every time", () => {
    expect(colourOf("usr_01HZX3")).toBe(colourOf("usr_01HZX3"));
  });

  it("picks from the palette, also for an empty id", () => {
    expect(PRESENCE_COLOURS).toContain(colourOf(""));
    expect(PRESENCE_COLOURS).toContain(colourOf("usr_😀"));
  });

  it("spreads people over the palette", () => {
    const used = new Set(Array.from({ length: 200 }, (_, i) => colourOf(`usr_${i}`)));
    expect(used.size).toBe(PRESENCE_COLOURS.length);
  });
});
