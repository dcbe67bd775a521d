import { Upload } from "lucide-react";
import { useCallback, useEffect, useId, useState } from "react";
import type { ImportJob } from "../../domain/analytics/import-job.js";
import { analyticsApi } from "../api/analytics-client.js";
import { numberFormat } from "../i18n/number-format.js";
import { useUiText } from "../i18n/ui-text.js";
import { CaptureKey } from "./CaptureKey.js";
import { rangeLabel } from "./date-range.js";
import { ImportForm } from "./ImportForm.js";
import { messageOf } from "./message-of.js";
import type { EventSummaryState } from "./use-event-summary.js";

interface Props {
  workspaceId: string;
  summary: EventSummaryState;
}

/** The workspace's event sources with their counts and date ranges, past imports and a new import. */
export function SourcesTab({ workspaceId, summary }: Props) {
  const { t, lang } = useUiText();
  const number = numberFormat(lang);
  const [imports, setImports] = useState<ImportJob[]>([]);
  const [importsError, setImportsError] = useState<string | null>(null);
  const [importing, setImporting] = useState(false);
  const headingId = useId();

  const loadImports = useCallback(() => {
    analyticsApi
      .imports(workspaceId)
      .then(({ imports: loaded }) => {
        setImports(loaded);
        setImportsError(null);
      })
      .catch((reason: unknown) => setImportsError(messageOf(reason)));
  }, [workspaceId]);
  useEffect(() => loadImports(), [loadImports]);

  const reloadSummary = summary.reload;
  const onImported = useCallback(() => {
    reloadSummary();
    loadImports();
  }, [reloadSummary, loadImports]);
  const sources = summary.summary?.sources ?? [];
  const error = summary.error ?? importsError;

  return (
    <div className="data-section-stack">
      <section aria-labelledby={headingId} className="data-section">
        <div className="data-section-head">
          <h3 id={headingId}>{t("data.sources.title")}</h3>
          {!importing && (
            <button type="button" className="button button-primary" onClick={() => setImporting(true)}>
              <Upload size={16} aria-hidden="true" />
              <span>{t("data.sources.upload")}</span>
            </button>
          )}
        </div>
        {error && (
          <p className="alert alert-error" role="alert">
            {t("data.unavailable", { message: error })}
          </p>
        )}
        {summary.summary && (
          <p className="muted">
            {t("data.sources.totals", {
              events: number.format(summary.summary.events),
              people: number.format(summary.summary.people),
            })}
          </p>
        )}
        {summary.summary && sources.length === 0 && <p className="muted">{t("data.sources.empty")}</p>}
        {sources.length > 0 && (
          <table className="data-table">
            <caption className="visually-hidden">{t("data.sources.title")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("data.sources.source")}</th>
                <th scope="col" className="num">
                  {t("data.sources.events")}
                </th>
                <th scope="col" className="num">
                  {t("data.sources.people")}
                </th>
                <th scope="col">{t("data.sources.range")}</th>
              </tr>
            </thead>
            <tbody>
              {sources.map((source) => (
                <tr key={source.source}>
                  <th scope="row">{source.source || t("data.sources.unnamed")}</th>
                  <td className="num">{number.format(source.events)}</td>
                  <td className="num">{number.format(source.people)}</td>
                  <td>{rangeLabel(source.firstTime, source.lastTime + 1, "…")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      {importing && (
        <ImportForm workspaceId={workspaceId} onImported={onImported} onClose={() => setImporting(false)} />
      )}

      <CaptureKey workspaceId={workspaceId} />

      {imports.length > 0 && (
        <section className="data-section" aria-label={t("data.imports.title")}>
          <h3>{t("data.imports.title")}</h3>
          <ul className="import-list">
            {imports.map((job) => (
              <li key={job.id}>
                <strong>{job.filename}</strong>{" "}
                <span className={`import-state import-${job.state}`}>
                  {t(`data.imports.state.${job.state}`)}
                </span>{" "}
                <span className="muted">
                  {t("data.imports.counts", {
                    inserted: number.format(job.inserted),
                    duplicates: number.format(job.duplicates),
                    rejected: number.format(job.rejected),
                  })}
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
