import { useMemo } from "react";
import { useUiText } from "../i18n/ui-text.js";
import { Drawer } from "../ui/Drawer.js";
import { ActivityList } from "./ActivityList.js";
import { useActivity } from "./use-activity.js";

/** Others' live edits reach the log without a new revision here, so an open drawer looks again now and then. */
const REFRESH_MS = 5000;

interface Props {
  mapId: string;
  /** The map's revision: each save may add a line, so the list reloads when it changes. */
  revision: number;
  onClose: () => void;
}

/** The map editor's side panel with who changed what in this map. */
export function ActivityDrawer({ mapId, revision, onClose }: Props) {
  const { t } = useUiText();
  const source = useMemo(() => ({ kind: "map" as const, mapId }), [mapId]);
  const log = useActivity(source, revision, REFRESH_MS);
  return (
    <Drawer title={t("activity.drawerTitle")} onClose={onClose}>
      <p className="muted drawer-intro">{t("activity.drawerIntro")}</p>
      <ActivityList log={log} showMaps={false} />
    </Drawer>
  );
}
