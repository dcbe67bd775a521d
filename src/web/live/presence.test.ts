import { describe, expect, it } from "vitest";
import { editorsOf, peersOf } from "./presence.js";

const anna = { id: "u-anna", name: "Anna", color: "#b91c1c" };
const boris = { id: "u-boris", name: "Boris", color: "#15803d" };
const zoe = { id: "u-zoe", name: "Zoe", color: "#4338ca" };

describe("peersOf", () => {
  it("lists oneself first, then others by name", () => {
    const states = new Map<number, unknown>([
      [1, { user: zoe, focus: {} }],
      [2, { user: boris, focus: {} }],
      [3, { user: anna, focus: {} }],
    ]);
    expect(peersOf(states, "u-zoe").map((peer) => [peer.user.name, peer.isSelf])).toEqual([
      ["Zoe", true],
      ["Anna", false],
      ["Boris", false],
    ]);
  });

  it("shows a person with two tabs once, where one of the tabs is editing", () => {
    const states = new Map<number, unknown>([
      [1, { user: anna, focus: { cardId: "c1", stageId: "s1" } }],
      [2, { user: anna, focus: {} }],
    ]);
    expect(peersOf(states, "u-boris")).toEqual([
      { user: anna, focus: { cardId: "c1", stageId: "s1" }, isSelf: false },
    ]);
  });

  it("ignores malformed states from other clients", () => {
    const states = new Map<number, unknown>([
      [1, {}],
      [2, { user: { ...boris, color: "red; background: url(x)" }, focus: {} }],
      [3, { user: anna }],
    ]);
    expect(peersOf(states, "u-boris").map((peer) => peer.user.name)).toEqual(["Anna"]);
  });
});

describe("editorsOf", () => {
  const peers = peersOf(
    new Map<number, unknown>([
      [1, { user: anna, focus: { stageId: "s1", cardId: "c1" } }],
      [2, { user: boris, focus: { stageId: "s1" } }],
      [3, { user: zoe, focus: { stageId: "s1" } }],
    ]),
    "u-zoe",
  );

  it("names who edits a card", () => {
    expect(editorsOf(peers, { cardId: "c1" }).map((peer) => peer.user.name)).toEqual(["Anna"]);
  });

  it("names who edits the stage itself, not a card in it, and never oneself", () => {
    expect(editorsOf(peers, { stageId: "s1" }).map((peer) => peer.user.name)).toEqual(["Boris"]);
  });
});
