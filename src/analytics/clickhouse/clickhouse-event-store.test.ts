import { describe, expect, it } from "vitest";
import type { EventRecord } from "../event.js";
import { withTestStore } from "./test-store.test-support.js";

function ev(person: string, time: number, event: string, id: string | null = null): EventRecord {
  return { person, time, event, properties: { plan: "pro" }, source: "", id };
}

describe("ClickHouse event store (chdb)", () => {
  it("dedupes by id, else by content and occurrence, so a re-import adds nothing", async () => {
    await withTestStore(async (store) => {
      const file = [ev("u", 1000, "visit"), ev("u", 1000, "visit"), ev("v", 2000, "pay", "deal-1")];
      expect(await store.insertEvents([file], { source: "a.csv" })).toEqual({ inserted: 3, duplicates: 0 });
      expect(await store.insertEvents([file], { source: "a.csv" })).toEqual({ inserted: 0, duplicates: 3 });
      const changed = [{ ...ev("v", 3000, "pay", "deal-1") }];
      expect(await store.insertEvents([changed], { source: "b.csv" })).toEqual({
        inserted: 0,
        duplicates: 1,
      });
      expect(await store.countEvents()).toBe(3);
      expect(await store.lastEventTime()).toBe(2000);
      expect(await store.eventCounts()).toEqual([
        { event: "pay", people: 1, events: 1 },
        { event: "visit", people: 1, events: 2 },
      ]);
    });
  });

  it("stores nothing when reading the batches fails halfway", async () => {
    await withTestStore(async (store) => {
      async function* failing() {
        yield [ev("u", 1000, "visit")];
        throw new Error("a.csv:3:1: bad time");
      }
      await expect(store.insertEvents(failing(), { source: "a.csv" })).rejects.toThrow("bad time");
      expect(await store.countEvents()).toBe(0);
      expect(await store.lastEventTime()).toBeNull();
    });
  });
});
