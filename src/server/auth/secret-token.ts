import { createHash, randomBytes } from "node:crypto";

/** 32 random bytes, base64url: session cookies, invitation and share links. */
export function newSecretToken(): string {
  return randomBytes(32).toString("base64url");
}

/** What the store keeps instead of a token (sha256, hex), so a leaked database opens no session or link. */
export function hashSecretToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/** Cheap shape check before any lookup; anything else cannot be a token we issued. */
export function looksLikeSecretToken(value: string): boolean {
  return TOKEN_PATTERN.test(value);
}
