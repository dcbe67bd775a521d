import { randomBytes } from "node:crypto";
import type { Command } from "commander";
import { ValidationError } from "../../domain/errors.js";
import { emailSchema } from "../../domain/team/account.js";
import { validateInput } from "../../domain/validate-input.js";
import { hashPassword } from "../../server/auth/password-hash.js";
import type { CliIo } from "../cli-io.js";
import { openConfiguredStore } from "../store-config.js";

/**
 * `tropa reset-password EMAIL`: the way back in for someone who forgot their password, owner included.
 * Tropa sends no mail, so whoever runs the server (and so can read its data) sets a new one here.
 */
export function registerResetPassword(program: Command, io: CliIo): void {
  program
    .command("reset-password")
    .description(
      "give a user a new random password and sign them out everywhere (uses DATA_DIR / DATABASE_URL)",
    )
    .argument("<email>", "the user's email")
    .action(async (rawEmail: string) => {
      const email = validateInput(emailSchema, rawEmail, "email");
      const password = randomBytes(12).toString("base64url");
      const store = await openConfiguredStore();
      try {
        const user = await store.accounts.findUserByEmail(email);
        if (!user) throw new ValidationError(`email: no account has the email ${email}`, "email");
        await store.accounts.changePassword(user.id, await hashPassword(password), null);
      } finally {
        await store.close();
      }
      io.out(
        `New password for ${email}: ${password}\n` +
          "Every session of this user has ended. Sign in with it, then choose your own under Account.\n",
      );
    });
}
