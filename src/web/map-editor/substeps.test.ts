import { describe, expect, it } from "vitest";
import { insertSubstep, tidySubsteps } from "./substeps.js";

describe("tidySubsteps", () => {
  it("trims the sub-steps and drops blank ones, keeping the order", () => {
    expect(tidySubsteps(["  Gets a quote ", "", "   ", "Signs"])).toEqual(["Gets a quote", "Signs"]);
  });
});

describe("insertSubstep", () => {
  it("inserts an empty sub-step where Enter was pressed", () => {
    expect(insertSubstep(["a", "b"], 1)).toEqual(["a", "", "b"]);
    expect(insertSubstep([], 0)).toEqual([""]);
  });
});
