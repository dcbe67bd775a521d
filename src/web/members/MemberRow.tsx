import { Trash2 } from "lucide-react";
import { useTranslation } from "react-i18next";
import { ROLES, type Role } from "../../domain/team/role.js";
import { dateText } from "../account/date-text.js";
import { initialsOf } from "../account/initials.js";
import type { WorkspaceMember } from "../api/types.js";
import { IconButton } from "../ui/IconButton.js";

interface Props {
  member: WorkspaceMember;
  isSelf: boolean;
  /** Owners change roles and remove others; everyone else only sees the row. */
  canManage: boolean;
  busy: boolean;
  onChangeRole: (role: Role) => void;
  onRemove: () => void;
}

export function MemberRow({ member, isSelf, canManage, busy, onChangeRole, onRemove }: Props) {
  const { t, i18n } = useTranslation();
  return (
    <li className="member-row">
      <span className="avatar avatar-md member-avatar" aria-hidden="true">
        {initialsOf(member.name)}
      </span>
      <div className="member-who">
        <span className="member-name">
          {member.name}
          {isSelf && <span className="muted"> ({t("members.page.you")})</span>}
        </span>
        <span className="muted">{member.email}</span>
      </div>
      <span className="muted member-joined">
        {t("members.page.joined", { date: dateText(member.joinedAt, i18n.resolvedLanguage ?? "en") })}
      </span>
      {canManage ? (
        <select
          className="member-role"
          aria-label={t("members.page.roleOf", { name: member.name })}
          value={member.role}
          disabled={busy}
          onChange={(event) => onChangeRole(event.target.value as Role)}
        >
          {ROLES.map((role) => (
            <option key={role} value={role}>
              {t(`members.roles.${role}`)}
            </option>
          ))}
        </select>
      ) : (
        <span className="role-pill">{t(`members.roles.${member.role}`)}</span>
      )}
      {canManage && !isSelf ? (
        <IconButton
          small
          variant="danger"
          icon={Trash2}
          label={t("members.page.remove", { name: member.name })}
          disabled={busy}
          onClick={onRemove}
        />
      ) : (
        <span className="member-action-placeholder" />
      )}
    </li>
  );
}
