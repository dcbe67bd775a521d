import { hashSecretToken, newSecretToken } from "../auth/secret-token.js";

/** A fresh link token: only its hash is stored, and the hint tells the links of one map apart. */
export interface ShareToken {
  token: string;
  tokenHash: string;
  tokenHint: string;
}

export function createShareToken(): ShareToken {
  const token = newSecretToken();
  return { token, tokenHash: hashSecretToken(token), tokenHint: token.slice(-4) };
}
