import { describe, expect, it } from "vitest";
import type { EventRecord } from "./event.js";
import { IDENTIFY_EVENT, resolveIdentities, resolveLinks } from "./resolve-identities.js";

function ev(person: string, event: string, properties: Record<string, unknown> = {}): EventRecord {
  return { person, time: 0, event, properties, source: "test", id: null };
}

const identify = (person: string, alias: unknown) => ev(person, IDENTIFY_EVENT, { alias });

describe("resolveIdentities", () => {
  it("puts every event under the resolved person and drops the $identify events", () => {
    const events = [
      ev("anon-1", "visit"),
      identify("crm-7", "anon-1"),
      ev("crm-7", "deal"),
      ev("u9", "visit"),
    ];
    expect(resolveIdentities(events).map((e) => [e.person, e.event])).toEqual([
      ["crm-7", "visit"],
      ["crm-7", "deal"],
      ["u9", "visit"],
    ]);
  });

  it("follows a chain of links a → b → c to one person, whatever the order of the links", () => {
    const links = [
      { person: "b", alias: "c" },
      { person: "a", alias: "b" },
    ];
    const expected = new Map([
      ["b", "a"],
      ["c", "a"],
    ]);
    expect(resolveLinks(links)).toEqual(expected);
    expect(resolveLinks([...links].reverse())).toEqual(expected);
  });

  it("prefers a canonical id over an alias, then the smallest id", () => {
    // "0-anon" sorts first but was only ever an alias; of the canonical ids "m" is the smallest.
    const resolved = resolveLinks([
      { person: "z", alias: "0-anon" },
      { person: "m", alias: "z" },
    ]);
    expect(Object.fromEntries(resolved)).toEqual({ "0-anon": "m", z: "m" });
  });

  it("reads a number alias as its digits and ignores $identify events without an alias", () => {
    const events = [
      identify("crm-7", 4930123456),
      identify("crm-8", ""),
      ev("crm-8", IDENTIFY_EVENT),
      ev("4930123456", "call"),
    ];
    expect(resolveIdentities(events)).toEqual([ev("crm-7", "call")]);
  });
});
