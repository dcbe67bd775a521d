import { describe, expect, it } from "vitest";
import { hrefFor, isPublicRoute, parseRoute, type Route } from "./route.js";

describe("parseRoute", () => {
  it("reads the map list, a map and the workspace pages", () => {
    expect(parseRoute("")).toEqual({ name: "maps" });
    expect(parseRoute("#/")).toEqual({ name: "maps" });
    expect(parseRoute("#/maps/abc_1-2")).toEqual({ name: "map", mapId: "abc_1-2" });
    expect(parseRoute("#/personas")).toEqual({ name: "personas" });
    expect(parseRoute("#/members")).toEqual({ name: "members" });
    expect(parseRoute("#/activity")).toEqual({ name: "activity" });
    expect(parseRoute("#/account")).toEqual({ name: "account" });
  });

  it("reads invitation and share links with their tokens", () => {
    expect(parseRoute("#/invite/Ab-9_z")).toEqual({ name: "invite", token: "Ab-9_z" });
    expect(parseRoute("#/shared/Qw_1")).toEqual({ name: "shared", token: "Qw_1" });
  });

  it("treats unknown paths and unsafe ids or tokens as not found", () => {
    expect(parseRoute("#/maps/a b")).toEqual({ name: "not-found", path: "/maps/a b" });
    expect(parseRoute("#/invite/")).toEqual({ name: "not-found", path: "/invite/" });
    expect(parseRoute("#/shared/x/y")).toEqual({ name: "not-found", path: "/shared/x/y" });
    expect(parseRoute("#/toString")).toEqual({ name: "not-found", path: "/toString" });
  });

  it("lets only shared maps through without signing in", () => {
    expect(isPublicRoute(parseRoute("#/shared/t1"))).toBe(true);
    expect(isPublicRoute(parseRoute("#/invite/t1"))).toBe(false);
    expect(isPublicRoute(parseRoute("#/"))).toBe(false);
  });

  it("round-trips every route through hrefFor", () => {
    const routes: Route[] = [
      { name: "maps" },
      { name: "map", mapId: "x1" },
      { name: "personas" },
      { name: "members" },
      { name: "activity" },
      { name: "account" },
      { name: "invite", token: "t-1" },
      { name: "shared", token: "s_2" },
    ];
    for (const route of routes) expect(parseRoute(hrefFor(route))).toEqual(route);
  });
});
