import { describe, expect, it } from "vitest";
import { autoCurveLabel, relabelCurve } from "./curve-label.js";

describe("curve labels", () => {
  it("name the persona and the state, or the state alone", () => {
    expect(autoCurveLabel("Anna", "To-be")).toBe("Anna · To-be");
    expect(autoCurveLabel(undefined, "As-is")).toBe("As-is");
  });

  it("follow a persona or state change only while the app wrote them", () => {
    expect(relabelCurve("Anna · As-is", "Anna · As-is", "Anna · To-be")).toBe("Anna · To-be");
    expect(relabelCurve("", "As-is", "Igor · As-is")).toBe("Igor · As-is");
    expect(relabelCurve("After the redesign", "Anna · As-is", "Anna · To-be")).toBe("After the redesign");
  });
});
