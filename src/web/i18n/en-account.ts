import type { TranslationTree } from "./translation-tree.js";

/** Accounts: owner set-up, sign-in, the invitation landing page, the account page. */
export const enAccount = {
  setup: {
    title: "Welcome to Tropa",
    subtitle:
      "Create the owner account. You will own the demo workspace and can invite your team from Members.",
    submit: "Create owner account",
    busy: "Creating…",
  },
  signIn: {
    title: "Sign in to Tropa",
    subtitle: "Journey maps of your team, built on facts.",
    submit: "Sign in",
    busy: "Signing in…",
    noAccount: "No account yet? Ask an owner of your workspace for an invitation link.",
    forgotPassword:
      "Forgot your password? Tropa sends no mail: ask whoever runs this server to run “tropa reset-password <your email>” and pass you the new one.",
  },
  fields: {
    name: "Your name",
    email: "Email",
    password: "Password",
    passwordHint: "At least {{count}} characters.",
    currentPassword: "Current password",
    newPassword: "New password",
  },
  errors: {
    invalidCredentials: "The email or password is wrong.",
    rateLimited: "Too many attempts. Wait a minute and try again.",
    forbidden: "You are not allowed to do this.",
    wrongCurrentPassword: "This is not your current password.",
    emailTaken: "An account with this email already exists. Sign in instead.",
    cannotLoad: "Could not reach Tropa",
  },
  invite: {
    title: "Join “{{workspace}}”",
    invitedBy: "{{name}} invited you to join as {{role}}.",
    invited: "You are invited to join as {{role}}.",
    expires: "The link works until {{date}}.",
    signUp: "Create account and join",
    signUpBusy: "Joining…",
    haveAccount: "Already have an account?",
    signInInstead: "Sign in and join",
    newAccount: "New to Tropa?",
    signUpInstead: "Create an account",
    join: "Join workspace",
    joinBusy: "Joining…",
    signedInAs: "You are signed in as {{name}} ({{email}}).",
    unavailableTitle: "This invitation link does not work any more",
    unavailable:
      "It has expired, has already been used or was revoked. Ask the person who invited you for a new link.",
    toApp: "Go to Tropa",
  },
  menu: {
    label: "Account of {{name}}",
    account: "Account settings",
    signOut: "Sign out",
  },
  page: {
    title: "Account",
    subtitle: "Your name as colleagues see it, your password and your sessions.",
    profile: "Profile",
    email: "Email: {{email}}",
    saveName: "Save name",
    nameSaved: "Name saved.",
    password: "Password",
    changePassword: "Change password",
    passwordChanged: "Password changed. Every other session has been signed out.",
    sessions: "Sessions",
    sessionsText:
      "Signed in on a shared or lost device? Sign out of every browser at once, this one included.",
    signOutEverywhere: "Sign out everywhere",
    confirmSignOutEverywhere: "Sign out of Tropa in every browser, this one included?",
  },
} satisfies TranslationTree;
