import { useMemo } from "react";
import type { ActivityEntry } from "../../domain/team/activity.js";
import { useUiText } from "../i18n/ui-text.js";
import { describeEntry } from "./activity-sentence.js";
import { exactTime, relativeTime } from "./relative-time.js";
import type { ActivityLog } from "./use-activity.js";
import "./activity.css";

interface Props {
  log: ActivityLog;
  /** The workspace log names the map each entry is about and links to it. */
  showMaps: boolean;
}

/** The entries of a log in words, newest first, with a button for older ones. */
export function ActivityList({ log, showMaps }: Props) {
  const { t } = useUiText();
  const now = new Date();
  const deletedMaps = useMemo(() => deletedMapIds(log.entries ?? []), [log.entries]);

  return (
    <div className="activity">
      {log.error && (
        <p className="alert alert-error" role="alert">
          {log.error}
        </p>
      )}
      {log.entries?.length === 0 && <p className="muted">{t("activity.empty")}</p>}
      <ol className="activity-list">
        {log.entries?.map((entry) => (
          <ActivityItem
            key={entry.id}
            entry={entry}
            now={now}
            linkToMap={showMaps && entry.mapId !== null && !deletedMaps.has(entry.mapId)}
            showMap={showMaps}
          />
        ))}
      </ol>
      {log.loading && <p className="muted">{t("activity.loading")}</p>}
      {log.hasMore && !log.loading && (
        <button type="button" className="button activity-more" onClick={log.loadMore}>
          {t("activity.loadMore")}
        </button>
      )}
    </div>
  );
}

function ActivityItem({
  entry,
  now,
  showMap,
  linkToMap,
}: {
  entry: ActivityEntry;
  now: Date;
  showMap: boolean;
  linkToMap: boolean;
}) {
  const { t, lang } = useUiText();
  const sentence = describeEntry(entry, t);
  const map = showMap ? sentence.map : null;
  return (
    <li className="activity-item">
      <p className="activity-sentence">
        <strong className="activity-actor">{sentence.actor}</strong>
        {t("activity.separator")}
        {sentence.phrase}
      </p>
      {sentence.changes.length > 0 && (
        <ul className="activity-changes">
          {sentence.changes.map((change, index) => (
            // Two changes may read alike ("edited the card …" twice), so the index keeps them apart.
            // biome-ignore lint/suspicious/noArrayIndexKey: the list is fixed per entry
            <li key={index}>{change}</li>
          ))}
        </ul>
      )}
      <p className="activity-meta muted">
        <time dateTime={entry.createdAt} title={exactTime(entry.createdAt, lang)}>
          {relativeTime(entry.createdAt, now, lang, t("activity.justNow"))}
        </time>
        {map?.title && (
          <>
            {" · "}
            {linkToMap ? (
              <a
                href={`#/maps/${encodeURIComponent(map.id)}`}
                title={t("activity.openMap", { title: map.title })}
              >
                {map.title}
              </a>
            ) : (
              <span>{map.title}</span>
            )}
          </>
        )}
      </p>
    </li>
  );
}

/** Maps the log itself says were deleted: their names stay, without a link to nowhere. */
function deletedMapIds(entries: readonly ActivityEntry[]): Set<string> {
  const ids = new Set<string>();
  for (const entry of entries) if (entry.action === "map.deleted" && entry.mapId) ids.add(entry.mapId);
  return ids;
}
