import { Check, ChevronsUpDown, Plus } from "lucide-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { MemberWorkspace } from "../api/types.js";
import { MenuButton, type MenuItem } from "../ui/MenuButton.js";
import { NewWorkspaceDialog } from "./NewWorkspaceDialog.js";
import "./members.css";

interface Props {
  current: MemberWorkspace | null;
  workspaces: readonly MemberWorkspace[];
  onSwitch: (workspaceId: string) => void;
}

/** The top bar's workspace menu: every workspace of the user with their role there, and a new one. */
export function WorkspaceSwitcher({ current, workspaces, onSwitch }: Props) {
  const { t } = useTranslation();
  const [creating, setCreating] = useState(false);
  const items: MenuItem[] = [
    ...workspaces.map((workspace) => ({
      id: workspace.id,
      label: workspace.name,
      hint: t(`members.roles.${workspace.role}`),
      icon: (
        <Check
          size={16}
          aria-hidden="true"
          className={workspace.id === current?.id ? undefined : "invisible"}
        />
      ),
      onSelect: () => onSwitch(workspace.id),
    })),
    {
      id: "new",
      label: t("members.switcher.new"),
      icon: <Plus size={16} aria-hidden="true" />,
      onSelect: () => setCreating(true),
    },
  ];
  return (
    <>
      <MenuButton
        className="button workspace-switcher"
        label={current?.name ?? t("members.switcher.new")}
        icon={<ChevronsUpDown size={14} aria-hidden="true" />}
        items={items}
      />
      {creating && <NewWorkspaceDialog onClose={() => setCreating(false)} onCreated={onSwitch} />}
    </>
  );
}
