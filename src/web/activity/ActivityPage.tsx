import { useMemo } from "react";
import { roleAtLeast } from "../../domain/team/role.js";
import { useWorkspace } from "../app/workspace-context.js";
import { useUiText } from "../i18n/ui-text.js";
import { ErrorState } from "../ui/ErrorState.js";
import { ActivityList } from "./ActivityList.js";
import { useActivity } from "./use-activity.js";

/** `#/activity`: everything that happened in the chosen workspace and its maps. */
export function ActivityPage() {
  const { t } = useUiText();
  const workspace = useWorkspace();
  if (!roleAtLeast(workspace.role, "editor")) {
    return <ErrorState title={t("activity.pageTitle")} message={t("activity.notAllowed")} />;
  }
  return <WorkspaceActivity workspaceId={workspace.id} workspaceName={workspace.name} />;
}

function WorkspaceActivity({ workspaceId, workspaceName }: { workspaceId: string; workspaceName: string }) {
  const { t } = useUiText();
  const source = useMemo(() => ({ kind: "workspace" as const, workspaceId }), [workspaceId]);
  const log = useActivity(source);
  return (
    <div className="page activity-page">
      <div className="page-header">
        <div>
          <h1>{t("activity.pageTitle")}</h1>
          <p className="page-subtitle">{t("activity.pageSubtitle", { workspace: workspaceName })}</p>
        </div>
      </div>
      <ActivityList log={log} showMaps />
    </div>
  );
}
