import { Clock, Trash2, TriangleAlert } from "lucide-react";
import { useTranslation } from "react-i18next";
import type { MapSummary } from "../api/types.js";
import { IconButton } from "../ui/IconButton.js";
import { MapPreview } from "./MapPreview.js";

interface Props {
  summary: MapSummary;
  onDelete: () => void;
}

export function MapTile({ summary, onDelete }: Props) {
  const { t, i18n } = useTranslation();
  const updated = new Date(summary.updatedAt).toLocaleDateString(i18n.resolvedLanguage, {
    day: "numeric",
    month: "short",
    year: "numeric",
  });
  return (
    <article className="map-tile">
      <MapPreview preview={summary.preview} />
      <a className="map-tile-link" href={`#/maps/${summary.id}`}>
        <span className="map-tile-title">{summary.title}</span>
      </a>
      {summary.description && <p className="map-tile-description">{summary.description}</p>}
      <div className="map-tile-meta">
        <span className={`state-pill state-${summary.state}`}>{t(`state.${summary.state}`)}</span>
        {summary.stageCount !== undefined && (
          <span className="muted">{t("mapList.stages", { count: summary.stageCount })}</span>
        )}
        <span className="muted">
          <Clock size={13} aria-hidden="true" /> {t("mapList.updated", { date: updated })}
        </span>
      </div>
      {summary.reviewOverdue && (
        <p className="map-tile-warning">
          <TriangleAlert size={14} aria-hidden="true" />
          {t("review.overdueShort")}
        </p>
      )}
      <IconButton
        className="map-tile-delete"
        icon={Trash2}
        iconSize={16}
        label={t("mapList.deleteMap", { title: summary.title })}
        onClick={onDelete}
      />
    </article>
  );
}
