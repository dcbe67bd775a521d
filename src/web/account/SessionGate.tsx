import { type ReactNode, useMemo } from "react";
import { useTranslation } from "react-i18next";
import { ErrorState } from "../ui/ErrorState.js";
import { InvitePage } from "./InvitePage.js";
import { MeContext, type MeValue } from "./me-context.js";
import { SetupScreen } from "./SetupScreen.js";
import { SignInScreen } from "./SignInScreen.js";
import { useSession } from "./use-session.js";

interface Props {
  /** The token of `#/invite/:token`: a visitor there gets the sign-up form instead of sign-in. */
  inviteToken: string | null;
  /** The app, rendered only for a signed-in user, with `useMe()` available. */
  children: ReactNode;
}

/** Shows the owner set-up, the sign-in screen or the invitation sign-up until someone is signed in. */
export function SessionGate({ inviteToken, children }: Props) {
  const { t } = useTranslation();
  const { session, enter, refresh, signOut } = useSession();
  const me = session.status === "signed-in" ? session.me : null;
  const value = useMemo<MeValue | null>(() => (me ? { me, refresh, signOut } : null), [me, refresh, signOut]);

  switch (session.status) {
    case "loading":
      return <div className="page-loading" aria-busy="true" />;
    case "failed":
      return <ErrorState title={t("account.errors.cannotLoad")} message={session.message} />;
    case "setup":
      return <SetupScreen onEnter={enter} />;
    case "signed-out":
      return inviteToken ? (
        <InvitePage token={inviteToken} onEnter={enter} />
      ) : (
        <SignInScreen onEnter={enter} />
      );
    case "signed-in":
      return <MeContext.Provider value={value}>{children}</MeContext.Provider>;
  }
}
