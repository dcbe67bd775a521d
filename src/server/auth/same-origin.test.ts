import { describe, expect, it } from "vitest";
import { isSameOrigin } from "./same-origin.js";

describe("isSameOrigin", () => {
  it("accepts the request's own host when no public URL is set, on either scheme", () => {
    expect(isSameOrigin("http://localhost:3000", "localhost:3000", undefined)).toBe(true);
    expect(isSameOrigin("https://tropa.example", "tropa.example", undefined)).toBe(true);
  });

  it("refuses other sites, other ports, odd schemes and a missing Origin", () => {
    expect(isSameOrigin("http://evil.example", "localhost:3000", undefined)).toBe(false);
    expect(isSameOrigin("http://localhost:4000", "localhost:3000", undefined)).toBe(false);
    expect(isSameOrigin("file://localhost:3000", "localhost:3000", undefined)).toBe(false);
    expect(isSameOrigin("null", "localhost:3000", undefined)).toBe(false);
    expect(isSameOrigin(undefined, "localhost:3000", undefined)).toBe(false);
  });

  it("takes the public URL's origin as the only one when it is set", () => {
    const publicUrl = "https://tropa.example/team";
    expect(isSameOrigin("https://tropa.example", "10.0.0.5:3000", publicUrl)).toBe(true);
    expect(isSameOrigin("http://tropa.example", "tropa.example", publicUrl)).toBe(false);
    expect(isSameOrigin("http://10.0.0.5:3000", "10.0.0.5:3000", publicUrl)).toBe(false);
  });
});
