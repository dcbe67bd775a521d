import { describe, expect, it } from "vitest";
import type { MemberWorkspace } from "../api/types.js";
import { pickWorkspace } from "./workspace-context.js";

const workspace = (id: string): MemberWorkspace => ({
  id,
  name: `Workspace ${id}`,
  createdAt: "2025-01-01T00:00:00.000Z",
  role: "editor",
});

describe("pickWorkspace", () => {
  it("keeps the remembered workspace while the user belongs to it", () => {
    expect(pickWorkspace([workspace("a"), workspace("b")], "b")?.id).toBe("b");
  });

  it("falls back to the first workspace when the remembered one is gone or unknown", () => {
    expect(pickWorkspace([workspace("a"), workspace("b")], "gone")?.id).toBe("a");
    expect(pickWorkspace([workspace("a")], null)?.id).toBe("a");
  });

  it("picks nothing for a user without workspaces", () => {
    expect(pickWorkspace([], "a")).toBeNull();
  });
});
