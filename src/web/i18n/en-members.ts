import type { TranslationTree } from "./translation-tree.js";

/** Workspace members, invitations and the workspace switcher. */
export const enMembers = {
  nav: "Members",
  roles: { owner: "Owner", editor: "Editor", commenter: "Commenter", viewer: "Viewer" },
  /** The role inside a sentence: "invited you to join as …". */
  roleAs: { owner: "an owner", editor: "an editor", commenter: "a commenter", viewer: "a viewer" },
  roleHints: {
    owner: "Everything, including members and invitations",
    editor: "Edits maps, personas and data",
    commenter: "Reads and comments",
    viewer: "Only reads",
  },
  switcher: {
    label: "Workspace: {{name}}",
    new: "New workspace",
  },
  newWorkspace: {
    title: "New workspace",
    name: "Workspace name",
    create: "Create workspace",
    busy: "Creating…",
  },
  noWorkspace: {
    title: "You are not in any workspace",
    text: "Create a workspace of your own, or open an invitation link from a colleague.",
  },
  page: {
    title: "Members",
    subtitle: "Who works in “{{workspace}}” and what each of them may do.",
    you: "you",
    roleOf: "Role of {{name}}",
    remove: "Remove {{name}}",
    confirmRemove: "Remove {{name}} from “{{workspace}}”? They lose access to its maps at once.",
    joined: "Joined {{date}}",
  },
  rename: {
    label: "Workspace name",
    save: "Rename",
    saved: "Workspace renamed.",
  },
  invite: {
    title: "Invite by link",
    text: "No email is sent: copy the link and pass it on. It works once, for one person.",
    textMail:
      "Copy the link and pass it on, or give an email address and Tropa sends it. It works once, for one person.",
    email: "Email (optional)",
    sent: "Sent to {{email}}.",
    notSent: "The email to {{email}} could not be sent. Copy the link below and pass it on yourself.",
    role: "Role",
    expires: "Expires in",
    days_one: "{{count}} day",
    days_other: "{{count}} days",
    create: "Create link",
    busy: "Creating…",
    link: "Invitation link",
    shownOnce: "Copy the link now — it is shown only once.",
    copy: "Copy link",
    copied: "Copied",
  },
  pending: {
    title: "Pending invitations",
    empty: "No pending invitations.",
    createdBy: "by {{name}}",
    expires: "expires {{date}}",
    revoke: "Revoke",
    revokeLabel: "Revoke the invitation for {{role}} created {{date}}",
  },
  leave: {
    title: "Leave the workspace",
    text: "You lose access to its maps until someone invites you again.",
    button: "Leave workspace",
    confirm: "Leave “{{workspace}}”? You lose access to its maps until someone invites you again.",
  },
} satisfies TranslationTree;
