import { describe, expect, it } from "vitest";
import { hashPassword, UNMATCHABLE_HASH, verifyPassword } from "./password-hash.js";

describe("password hashes", () => {
  it("are scrypt with their parameters and a fresh salt, and accept only the right password", async () => {
    const first = await hashPassword("correct horse battery");
    const second = await hashPassword("correct horse battery");
    expect(first).toMatch(/^scrypt\$16384\$8\$1\$[A-Za-z0-9+/=]{24}\$[A-Za-z0-9+/=]{88}$/);
    expect(second).not.toBe(first);
    expect(await verifyPassword("correct horse battery", first)).toBe(true);
    expect(await verifyPassword("correct horse batterY", first)).toBe(false);
  });

  it("treat canonically equal Unicode spellings of one password alike", async () => {
    const hash = await hashPassword("пароль-ё-ёлка");
    expect(await verifyPassword("пароль-е\u0308-е\u0308лка", hash)).toBe(true);
  });

  it("never match the stand-in hash or one in an unknown format", async () => {
    expect(await verifyPassword("", UNMATCHABLE_HASH)).toBe(false);
    expect(await verifyPassword("anything", "bcrypt$2b$10$abc")).toBe(false);
    expect(await verifyPassword("anything", "")).toBe(false);
  });
});
