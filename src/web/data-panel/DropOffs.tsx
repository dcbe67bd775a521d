import type { MapPathsAnswer } from "../../domain/analytics/map-analytics.js";
import { numberFormat } from "../i18n/number-format.js";
import { useUiText } from "../i18n/ui-text.js";
import { RunError } from "./RunError.js";
import type { Run } from "./use-run.js";

interface Props {
  paths: Run<MapPathsAnswer>;
  /** 1-based index of the stage people dropped off after. */
  stage: number;
  stageName: string;
}

/** People whose last stage was this one, and the events they did next instead. */
export function DropOffs({ paths, stage, stageName }: Props) {
  const { t, lang } = useUiText();
  const number = numberFormat(lang);
  const drop = paths.data?.result.dropOffs.find((entry) => entry.stage === stage);
  return (
    <div className="drill-block">
      <h4>{t("data.drill.droppedNext", { stage: stageName })}</h4>
      <RunError error={paths.error} field={paths.field} />
      {paths.busy && !paths.data && <p className="muted">{t("common.loading")}</p>}
      {paths.data && !drop && <p className="muted">{t("data.drill.noDropOffs")}</p>}
      {drop && (
        <>
          <p>
            {t("data.drill.droppedSummary", {
              people: number.format(drop.people),
              none: number.format(drop.noNextEvent),
            })}
          </p>
          {drop.nextEvents.length > 0 && (
            <ol className="next-events">
              {drop.nextEvents.map((next) => (
                <li key={next.event}>
                  <span>{next.event}</span>
                  <span className="muted">{number.format(next.people)}</span>
                </li>
              ))}
            </ol>
          )}
        </>
      )}
    </div>
  );
}
