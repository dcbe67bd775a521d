import type { TFunction } from "i18next";
import { ApiError } from "../api/api-error.js";

/** A message the user can act on, in their language where the server's code is a known one. */
export function errorText(error: unknown, t: TFunction): string {
  if (error instanceof ApiError) {
    if (error.code === "invalid_credentials") return t("account.errors.invalidCredentials");
    if (error.code === "rate_limited") return t("account.errors.rateLimited");
    if (error.field === "currentPassword") return t("account.errors.wrongCurrentPassword");
    if (error.status === 409 && error.field === "email") return t("account.errors.emailTaken");
    if (error.status === 403) return t("account.errors.forbidden");
  }
  return error instanceof Error ? error.message : String(error);
}
