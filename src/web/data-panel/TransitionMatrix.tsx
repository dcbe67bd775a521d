import type { PathsResult } from "../../domain/analytics/paths-query.js";
import { numberFormat } from "../i18n/number-format.js";
import { useUiText } from "../i18n/ui-text.js";

/** Stage-to-stage moves: rows are where people came from, columns where they went; back moves marked. */
export function TransitionMatrix({ result }: { result: PathsResult }) {
  const { t, lang } = useUiText();
  const number = numberFormat(lang);
  const cell = (from: number, to: number) =>
    result.transitions.find((transition) => transition.from === from && transition.to === to);

  return (
    <section className="data-section" aria-label={t("data.paths.matrix")}>
      <h3>{t("data.paths.matrix")}</h3>
      <p className="muted">{t("data.paths.matrixIntro")}</p>
      <div className="table-scroll">
        <table className="data-table matrix">
          <caption className="visually-hidden">{t("data.paths.matrix")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("data.paths.fromTo")}</th>
              {result.stages.map((stage) => (
                <th key={stage.stage} scope="col" className="num">
                  {stage.name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {result.stages.map((from) => (
              <tr key={from.stage}>
                <th scope="row">{from.name}</th>
                {result.stages.map((to) => {
                  const move = cell(from.stage, to.stage);
                  const backward = move?.direction === "backward";
                  return (
                    <td
                      key={to.stage}
                      className={backward ? "num back-move" : "num"}
                      title={backward ? t("data.paths.backMove") : undefined}
                    >
                      {move ? number.format(move.people) : from.stage === to.stage ? "·" : ""}
                      {backward && <span className="visually-hidden"> ({t("data.paths.backMove")})</span>}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="muted">
        {t("data.paths.backDistribution", {
          list: result.backMoves.distribution
            .map((entry) => `${entry.backMoves}: ${number.format(entry.people)}`)
            .join(" · "),
        })}
      </p>
    </section>
  );
}
