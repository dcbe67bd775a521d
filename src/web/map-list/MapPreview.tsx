import { TrendingDown } from "lucide-react";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import type { MapPreview as Preview } from "../../domain/map-preview.js";
import { numberFormat } from "../i18n/number-format.js";
import { hasFunnel, sparklinePoints } from "./map-preview.js";

interface Props {
  preview: Preview;
}

const WIDTH = 240;
const HEIGHT = 36;

/**
 * The band at the top of a map tile: a sparkline of people per stage with the key barrier when the map
 * has counts, otherwise one segment per stage coloured by how well the stage is backed by evidence.
 */
export function MapPreview({ preview }: Props) {
  if (hasFunnel(preview)) return <FunnelPreview preview={preview} />;
  return <EvidencePreview preview={preview} />;
}

function FunnelPreview({ preview }: { preview: Preview }) {
  const { t, i18n } = useTranslation();
  const gradientId = useId();
  const number = numberFormat(i18n.resolvedLanguage);
  const points = sparklinePoints(preview.counts, WIDTH, HEIGHT);
  const first = points[0];
  const last = points[points.length - 1];
  const line = points.map((p, i) => `${i === 0 ? "M" : "L"}${p.x.toFixed(1)},${p.y.toFixed(1)}`).join(" ");
  const area =
    first && last ? `${line} L${last.x.toFixed(1)},${HEIGHT} L${first.x.toFixed(1)},${HEIGHT} Z` : "";
  const key = preview.keyBarrier;
  const from = points.find((p) => p.index === key?.fromIndex);
  const to = points.find((p) => p.index === key?.toIndex);
  const barrier =
    from && to ? `M${from.x.toFixed(1)},${from.y.toFixed(1)} L${to.x.toFixed(1)},${to.y.toFixed(1)}` : null;
  const counts = preview.counts.flatMap((count) => (count === null ? [] : [number.format(count)]));
  return (
    <div className="map-tile-preview">
      <svg
        className="sparkline"
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        preserveAspectRatio="none"
        role="img"
        aria-label={t("mapList.previewPeople", { counts: counts.join(" → ") })}
      >
        <defs>
          <linearGradient id={gradientId} x1="0" y1="0" x2="0" y2="1">
            <stop offset="0" stopColor="var(--brand)" stopOpacity="0.28" />
            <stop offset="1" stopColor="var(--brand)" stopOpacity="0.02" />
          </linearGradient>
        </defs>
        <path d={area} fill={`url(#${gradientId})`} />
        <path d={line} className="sparkline-line" vectorEffect="non-scaling-stroke" />
        {barrier && (
          <path d={barrier} className="sparkline-line sparkline-barrier" vectorEffect="non-scaling-stroke" />
        )}
      </svg>
      {key && (
        <p className="preview-caption preview-barrier">
          <TrendingDown size={13} aria-hidden="true" />
          <span className="preview-caption-label">{t("mapList.previewBarrierLabel")}</span>
          <span className="preview-caption-value">
            {t("mapList.previewBarrier", {
              from: key.from,
              to: key.to,
              conversion: number.format(key.conversion),
            })}
          </span>
        </p>
      )}
    </div>
  );
}

function EvidencePreview({ preview }: { preview: Preview }) {
  const { t } = useTranslation();
  const levels = preview.levels;
  const count = (level: string) => levels.filter((l) => l === level).length;
  return (
    <div className="map-tile-preview">
      <div
        className="stage-strip"
        role="img"
        aria-label={t("mapList.previewEvidenceLabel", {
          data: count("data"),
          partly: count("partly"),
          hypothetical: count("hypothetical"),
        })}
      >
        {levels.map((level, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: one segment per stage position
          <span key={index} className={`stage-strip-cell strip-${level}`} />
        ))}
      </div>
      <p className="preview-caption">
        {t("mapList.previewEvidence", { data: count("data"), count: levels.length })}
      </p>
    </div>
  );
}
