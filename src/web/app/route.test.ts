import { describe, expect, it } from "vitest";
import { hrefFor, parseRoute } from "./route.js";

describe("parseRoute", () => {
  it("reads the map list, a map and the personas page", () => {
    expect(parseRoute("")).toEqual({ name: "maps" });
    expect(parseRoute("#/")).toEqual({ name: "maps" });
    expect(parseRoute("#/maps/abc_1-2")).toEqual({ name: "map", mapId: "abc_1-2" });
    expect(parseRoute("#/personas")).toEqual({ name: "personas" });
  });

  it("treats unknown paths and unsafe ids as not found", () => {
    expect(parseRoute("#/maps/a b")).toEqual({ name: "not-found", path: "/maps/a b" });
  });

  it("round-trips through hrefFor", () => {
    expect(parseRoute(hrefFor({ name: "map", mapId: "x1" }))).toEqual({ name: "map", mapId: "x1" });
  });
});
