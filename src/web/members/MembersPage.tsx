import { LogOut } from "lucide-react";
import { useTranslation } from "react-i18next";
import type { Role } from "../../domain/team/role.js";
import { FormError } from "../account/FormError.js";
import { useMe } from "../account/me-context.js";
import { useAction } from "../account/use-action.js";
import { teamApi } from "../api/client.js";
import type { Invitation, WorkspaceMember } from "../api/types.js";
import { navigate } from "../app/use-route.js";
import { useWorkspace } from "../app/workspace-context.js";
import { InviteForm } from "./InviteForm.js";
import { MemberRow } from "./MemberRow.js";
import { PendingInvitations } from "./PendingInvitations.js";
import { useMembers } from "./use-members.js";
import { WorkspaceNameForm } from "./WorkspaceNameForm.js";
import "./members.css";

/** `#/members`: who is in the workspace; owners also invite, change roles, remove and rename. */
export function MembersPage() {
  const { t } = useTranslation();
  const workspace = useWorkspace();
  const { me, refresh } = useMe();
  const state = useMembers(workspace);
  const { busy, error, run } = useAction();
  const isOwner = workspace.role === "owner";
  const isSelf = (member: WorkspaceMember) => member.userId === me.user.id;

  const changeRole = (member: WorkspaceMember, role: Role) =>
    run(async () => {
      try {
        await teamApi.changeRole(workspace.id, member.userId, role);
        if (isSelf(member)) await refresh();
      } finally {
        // Also after a refusal (the last owner), so the select shows the role that holds.
        await state.reload();
      }
    });
  const remove = (member: WorkspaceMember) => {
    if (!window.confirm(t("members.page.confirmRemove", { name: member.name, workspace: workspace.name })))
      return;
    void run(async () => {
      await teamApi.removeMember(workspace.id, member.userId);
      await state.reload();
    });
  };
  const revoke = (invitation: Invitation) =>
    run(async () => {
      await teamApi.revokeInvitation(workspace.id, invitation.id);
      await state.reload();
    });
  const leave = () => {
    if (!window.confirm(t("members.leave.confirm", { workspace: workspace.name }))) return;
    void run(async () => {
      await teamApi.removeMember(workspace.id, me.user.id);
      await refresh();
      navigate("#/");
    });
  };

  return (
    <div className="page page-narrow">
      <div className="page-header">
        <div>
          <h1>{t("members.page.title")}</h1>
          <p className="page-subtitle">{t("members.page.subtitle", { workspace: workspace.name })}</p>
        </div>
      </div>
      {isOwner && <WorkspaceNameForm workspace={workspace} />}
      <FormError message={error ?? state.error} />
      {!state.loaded && <div className="page-loading" aria-busy="true" />}
      <ul className="member-list" aria-label={t("members.page.title")}>
        {state.members.map((member) => (
          <MemberRow
            key={member.userId}
            member={member}
            isSelf={isSelf(member)}
            canManage={isOwner}
            busy={busy}
            onChangeRole={(role) => void changeRole(member, role)}
            onRemove={() => remove(member)}
          />
        ))}
      </ul>
      {isOwner && <InviteForm workspaceId={workspace.id} onCreated={() => void state.reload()} />}
      {isOwner && state.loaded && (
        <PendingInvitations
          invitations={state.invitations}
          busy={busy}
          onRevoke={(inv) => void revoke(inv)}
        />
      )}
      <section className="settings-section" aria-labelledby="leave-title">
        <h2 id="leave-title">{t("members.leave.title")}</h2>
        <p className="muted">{t("members.leave.text")}</p>
        <button type="button" className="button button-danger" disabled={busy} onClick={leave}>
          <LogOut size={16} aria-hidden="true" />
          <span>{t("members.leave.button")}</span>
        </button>
      </section>
    </div>
  );
}
