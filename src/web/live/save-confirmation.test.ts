import { describe, expect, it } from "vitest";
import { isStored, SaveConfirmation, type StoredMap } from "./save-confirmation.js";

describe("isStored", () => {
  it("is true when the stored map is what the user sees, whatever the key order", () => {
    expect(isStored({ map: { a: 1, b: [1, 2] }, revision: 3 }, { b: [1, 2], a: 1 }, 3)).toBe(true);
  });

  it("is true once a newer revision than at the start of the check is stored", () => {
    expect(isStored({ map: { a: 2 }, revision: 4 }, { a: 1 }, 3)).toBe(true);
    expect(isStored({ map: { a: 2 }, revision: 3 }, { a: 1 }, 3)).toBe(false);
  });
});

describe("SaveConfirmation", () => {
  const until = async (condition: () => boolean) => {
    for (let i = 0; i < 200 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 5));
    expect(condition()).toBe(true);
  };

  it("stays pending until the server stores the edit, and waits while the edit cannot be delivered", async () => {
    let stored: StoredMap = { map: { title: "old" }, revision: 1 };
    let local: unknown = { title: "old" };
    let delivered = false;
    const changes: boolean[] = [];
    const confirmation = new SaveConfirmation({
      fetchStored: async () => stored,
      local: () => local,
      delivered: () => delivered,
      onChange: (pending) => changes.push(pending),
      onRevision: () => {},
      intervalMs: 5,
    });
    local = { title: "new" };
    confirmation.noteEdit();
    expect(confirmation.isPending).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 40));
    expect(confirmation.isPending).toBe(true);
    delivered = true;
    await new Promise((resolve) => setTimeout(resolve, 40));
    expect(confirmation.isPending).toBe(true);
    stored = { map: { title: "new" }, revision: 2 };
    await until(() => !confirmation.isPending);
    expect(changes).toEqual([true, false]);
    confirmation.stop();
  });
});
