import type { Context } from "hono";
import type { Lang } from "../../domain/journey-map.js";
import type { Invitation } from "../../domain/team/invitation.js";
import type { AppEnv } from "../app-env.js";
import { signedIn } from "../auth/signed-in.js";
import { composeInvitationEmail } from "./invitation-email.js";
import { describeSendFailure, sendFailureDetail } from "./send-failure.js";

export type EmailOutcome = { emailed: true } | { emailed: false; emailError: string };

/**
 * Emails a just-created invitation from the signed-in inviter. The invitation exists whatever happens
 * here, so a failure is an answer (the inviter copies the link instead), never an error; the SMTP
 * details go to the server log only.
 */
export async function sendInvitationEmail(
  c: Context<AppEnv>,
  { to, invitation, url, lang }: { to: string; invitation: Invitation; url: string; lang: Lang },
): Promise<EmailOutcome> {
  const mailer = c.var.mailer;
  if (!mailer) return { emailed: false, emailError: "mail is not configured on this server" };
  try {
    const workspace = await c.var.store.getWorkspace(invitation.workspaceId);
    const mail = composeInvitationEmail({
      inviterName: signedIn(c).user.name,
      workspaceName: workspace.name,
      role: invitation.role,
      expiresAt: invitation.expiresAt,
      url,
      lang,
    });
    await mailer.send({ to, ...mail });
    return { emailed: true };
  } catch (error) {
    console.error(
      `[tropa] could not email invitation ${invitation.id} of workspace ${invitation.workspaceId}: ${sendFailureDetail(error)}`,
    );
    return { emailed: false, emailError: describeSendFailure(error) };
  }
}
