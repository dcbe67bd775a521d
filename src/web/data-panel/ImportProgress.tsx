import type { ImportJob } from "../../domain/analytics/import-job.js";
import { numberFormat } from "../i18n/number-format.js";
import { useUiText } from "../i18n/ui-text.js";
import { ProblemList } from "./ProblemList.js";

/** A running or finished import: progress by bytes read, then the counts and any errors. */
export function ImportProgress({ job }: { job: ImportJob }) {
  const { t, lang } = useUiText();
  const number = numberFormat(lang);
  const percent = job.totalBytes > 0 ? Math.round((job.bytesRead / job.totalBytes) * 100) : 0;
  const shown = job.state === "running" ? percent : 100;
  return (
    <div className="import-progress">
      <div
        className={`progress progress-${job.state}`}
        role="progressbar"
        aria-label={t("data.import.progress", { filename: job.filename })}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={shown}
      >
        <div className="progress-bar" style={{ width: `${shown}%` }} />
      </div>
      <p role="status" className={job.state === "failed" ? "import-failed" : undefined}>
        {t(`data.imports.state.${job.state}`)}
        {" · "}
        {t("data.import.result", {
          events: number.format(job.events),
          inserted: number.format(job.inserted),
          duplicates: number.format(job.duplicates),
          rejected: number.format(job.rejected),
        })}
      </p>
      <ProblemList title={t("data.import.errors")} problems={job.errors} />
    </div>
  );
}
