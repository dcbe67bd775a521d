import { useMemo } from "react";
import type { PathsResult } from "../../domain/analytics/paths-query.js";
import { useUiText } from "../i18n/ui-text.js";
import { Chart } from "./Chart.js";
import type { ChartOption } from "./chart-option.js";

const FORWARD = "rgba(79, 70, 229, 0.35)";
const BACKWARD = "rgba(234, 88, 12, 0.55)";

/**
 * The paths as a Sankey: one column per position in the collapsed path, so loops stay acyclic and
 * a back move shows as an orange link to an earlier stage one column further right.
 */
export function PathsFlow({ result }: { result: PathsResult }) {
  const { t } = useUiText();
  const { nodes, links } = result.graph;
  const option = useMemo<ChartOption>(() => {
    const names = new Map(nodes.map((node) => [node.id, node.name]));
    return {
      tooltip: {
        trigger: "item",
        formatter: (params) => {
          const item = Array.isArray(params) ? params[0] : params;
          const data = item?.data as { source?: string; target?: string; name?: string; value?: number };
          if (data.source && data.target) {
            return `${names.get(data.source) ?? ""} → ${names.get(data.target) ?? ""}: ${data.value ?? 0}`;
          }
          return `${names.get(data.name ?? "") ?? ""}: ${data.value ?? 0}`;
        },
      },
      series: [
        {
          type: "sankey",
          // Node ids are unique per column; the stage name is only the label.
          data: nodes.map((node) => ({ name: node.id, value: node.people, depth: node.depth })),
          links: links.map((link) => ({
            source: link.source,
            target: link.target,
            value: link.people,
            lineStyle: { color: link.direction === "backward" ? BACKWARD : FORWARD },
          })),
          label: { formatter: (params) => names.get(params.name) ?? params.name, fontSize: 11 },
          itemStyle: { color: "#4f46e5", borderWidth: 0 },
          lineStyle: { curveness: 0.5, opacity: 1 },
          nodeGap: 12,
          nodeAlign: "left",
          emphasis: { focus: "adjacency" },
          left: 8,
          right: 110,
          top: 12,
          bottom: 12,
        },
      ],
    };
  }, [nodes, links]);

  if (links.length === 0) return <p className="muted">{t("data.paths.noFlow")}</p>;
  const backward = links.filter((link) => link.direction === "backward").length;
  return (
    <section className="data-section" aria-label={t("data.paths.flow")}>
      <h3>{t("data.paths.flow")}</h3>
      <p className="flow-legend">
        <span className="legend-swatch forward" aria-hidden="true" /> {t("data.paths.forward")}
        <span className="legend-swatch backward" aria-hidden="true" /> {t("data.paths.backward")}
      </p>
      <Chart
        option={option}
        height={Math.max(260, Math.min(560, nodes.length * 28))}
        label={t("data.paths.flowLabel", { links: links.length, backward })}
      />
    </section>
  );
}
