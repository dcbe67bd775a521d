import { useContext, useState } from "react";
import { useTranslation } from "react-i18next";
import { authApi, teamApi } from "../api/client.js";
import type { InvitationPreview, Me } from "../api/types.js";
import { navigate } from "../app/use-route.js";
import { rememberWorkspace } from "../app/workspace-context.js";
import { ErrorState } from "../ui/ErrorState.js";
import { AccountForm } from "./AccountForm.js";
import { AuthScreen } from "./AuthScreen.js";
import { dateText } from "./date-text.js";
import { FormError } from "./FormError.js";
import { MeContext } from "./me-context.js";
import { SignInForm } from "./SignInForm.js";
import { useAction } from "./use-action.js";
import { useInvitation } from "./use-invitation.js";

interface Props {
  token: string;
  /** Signs a visitor in; the signed-in app leaves it out, as nobody needs signing in there. */
  onEnter?: (me: Me) => void;
}

/**
 * `#/invite/:token`: what the invitation offers, then a sign-up (or sign-in) form for a visitor, or a Join
 * button for someone already signed in.
 */
export function InvitePage({ token, onEnter }: Props) {
  const { t } = useTranslation();
  const session = useContext(MeContext);
  const invitation = useInvitation(token);

  if (invitation.status === "loading") return <div className="page-loading" aria-busy="true" />;
  if (invitation.status !== "open") {
    const message = invitation.status === "failed" ? invitation.message : t("account.invite.unavailable");
    const title =
      invitation.status === "failed" ? t("account.errors.cannotLoad") : t("account.invite.unavailableTitle");
    const body = (
      <>
        <ErrorState title={title} message={message} />
        <p className="auth-note">
          <a href="#/">{t("account.invite.toApp")}</a>
        </p>
      </>
    );
    return session ? <div className="page">{body}</div> : <div className="auth-screen">{body}</div>;
  }

  const { preview } = invitation;
  if (session || !onEnter) return <JoinCard token={token} preview={preview} />;
  return (
    <AuthScreen
      title={t("account.invite.title", { workspace: preview.workspaceName })}
      subtitle={<InvitationSummary preview={preview} />}
    >
      <VisitorForms token={token} onEnter={onEnter} />
    </AuthScreen>
  );
}

function InvitationSummary({ preview }: { preview: InvitationPreview }) {
  const { t, i18n } = useTranslation();
  const role = t(`members.roleAs.${preview.role}`);
  return (
    <>
      <p>
        {preview.invitedBy
          ? t("account.invite.invitedBy", { name: preview.invitedBy, role })
          : t("account.invite.invited", { role })}
      </p>
      <p className="muted">
        {t("account.invite.expires", { date: dateText(preview.expiresAt, i18n.resolvedLanguage ?? "en") })}
      </p>
    </>
  );
}

function VisitorForms({ token, onEnter }: { token: string; onEnter: (me: Me) => void }) {
  const { t } = useTranslation();
  const [hasAccount, setHasAccount] = useState(false);
  // A brand-new account belongs to the invitation's workspace only: straight to its maps. Someone who
  // signs in instead stays here and joins with one more click, seeing which account joins.
  const enterNewAccount = (me: Me) => {
    const joined = me.workspaces[0];
    if (joined) rememberWorkspace(joined.id);
    onEnter(me);
    navigate("#/");
  };
  return hasAccount ? (
    <>
      <SignInForm onEnter={onEnter} submitLabel={t("account.invite.signInInstead")} />
      <p className="auth-note">
        {t("account.invite.newAccount")}{" "}
        <button type="button" className="link-button" onClick={() => setHasAccount(false)}>
          {t("account.invite.signUpInstead")}
        </button>
      </p>
    </>
  ) : (
    <>
      <AccountForm
        account="new"
        submitLabel={t("account.invite.signUp")}
        busyLabel={t("account.invite.signUpBusy")}
        submit={(details) => authApi.signUp({ ...details, invitation: token })}
        onEnter={enterNewAccount}
      />
      <p className="auth-note">
        {t("account.invite.haveAccount")}{" "}
        <button type="button" className="link-button" onClick={() => setHasAccount(true)}>
          {t("account.invite.signInInstead")}
        </button>
      </p>
    </>
  );
}

function JoinCard({ token, preview }: { token: string; preview: InvitationPreview }) {
  const { t } = useTranslation();
  const session = useContext(MeContext);
  const { busy, error, run } = useAction();
  if (!session) return null;
  const { user } = session.me;

  const join = () =>
    run(async () => {
      const { workspaceId } = await teamApi.acceptInvitation(token);
      rememberWorkspace(workspaceId);
      await session.refresh();
      navigate("#/");
    });

  return (
    <div className="page">
      <section className="auth-card auth-card-inline">
        <h1>{t("account.invite.title", { workspace: preview.workspaceName })}</h1>
        <div className="auth-subtitle">
          <InvitationSummary preview={preview} />
        </div>
        <p className="auth-note">{t("account.invite.signedInAs", { name: user.name, email: user.email })}</p>
        <FormError message={error} />
        <button type="button" className="button button-primary auth-submit" disabled={busy} onClick={join}>
          {busy ? t("account.invite.joinBusy") : t("account.invite.join")}
        </button>
      </section>
    </div>
  );
}
