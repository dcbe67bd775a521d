import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createShareToken } from "./share-token.js";

describe("share tokens", () => {
  it("are 32 random bytes in base64url, different every time", () => {
    const first = createShareToken();
    const second = createShareToken();
    expect(first.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(first.token, "base64url")).toHaveLength(32);
    expect(second.token).not.toBe(first.token);
  });

  it("come with their sha256 in hex and their last four characters, what the store keeps", () => {
    const { token, tokenHash, tokenHint } = createShareToken();
    expect(tokenHash).toBe(createHash("sha256").update(token).digest("hex"));
    expect(tokenHint).toBe(token.slice(-4));
  });
});
