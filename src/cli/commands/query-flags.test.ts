import { describe, expect, it } from "vitest";
import { UsageError } from "../usage-error.js";
import { parseEntryRange, parseSteps, parseWhere } from "./query-flags.js";

describe("query flags", () => {
  it("reads steps with alternatives joined by |", () => {
    expect(parseSteps(" visit | landing ,signup,, pay", "--steps", 1)).toEqual([
      { name: "visit | landing", event: "visit", or: [{ event: "landing" }] },
      { name: "signup", event: "signup", or: [] },
      { name: "pay", event: "pay", or: [] },
    ]);
    expect(() => parseSteps("visit", "--steps", 2)).toThrow("--steps needs at least 2 event names");
    expect(() => parseSteps("visit|,pay", "--steps", 1)).toThrow(UsageError);
  });

  it("reads --where conditions into the engine's segment", () => {
    expect(
      parseWhere(["channel=ads", "plan=pro|team", "url~/pricing", "revenue>=100", "age<30", "a=b=c"]),
    ).toEqual([
      { property: "channel", op: "equals", value: "ads" },
      { property: "plan", op: "in", value: ["pro", "team"] },
      { property: "url", op: "contains", value: "/pricing" },
      { property: "revenue", op: "gte", value: 100 },
      { property: "age", op: "lt", value: 30 },
      { property: "a", op: "equals", value: "b=c" },
    ]);
    for (const bad of ["channel", "=ads", "channel=", "revenue>lots", "channel!=ads"]) {
      expect(() => parseWhere([bad]), bad).toThrow(UsageError);
    }
  });

  it("reads --from/--to as an entry range, end excluded", () => {
    expect(parseEntryRange("2024-06-01", "2024-06-02T12:00Z")).toEqual({
      from: Date.UTC(2024, 5, 1),
      to: Date.UTC(2024, 5, 2, 12),
    });
    expect(parseEntryRange(undefined, undefined)).toEqual({});
    expect(() => parseEntryRange("2024-06-02", "2024-06-01")).toThrow("must be before");
    expect(() => parseEntryRange("June 1", undefined)).toThrow('--from "June 1" is not a date');
  });
});
