import { describe, expect, it } from "vitest";
import { saveStateOf } from "./save-state.js";

describe("saveStateOf", () => {
  it("says Saved or Saving while live, by whether the server stored the edits", () => {
    expect(saveStateOf({ kind: "live" }, false)).toBe("saved");
    expect(saveStateOf({ kind: "live" }, true)).toBe("saving");
  });

  it("names the connection problem whether or not edits are waiting", () => {
    expect(saveStateOf({ kind: "offline" }, true)).toBe("offline");
    expect(saveStateOf({ kind: "unreachable" }, false)).toBe("unreachable");
    expect(saveStateOf({ kind: "refused", code: 4403 }, true)).toBe("refused");
    expect(saveStateOf({ kind: "connecting" }, false)).toBe("connecting");
  });
});
