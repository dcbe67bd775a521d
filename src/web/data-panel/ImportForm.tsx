import { useEffect, useId, useState } from "react";
import {
  IMPORT_PRESETS,
  type ImportColumns,
  type ImportPreset,
} from "../../domain/analytics/event-import.js";
import type { ImportJob } from "../../domain/analytics/import-job.js";
import type { ImportPreview } from "../../domain/analytics/import-preview.js";
import { analyticsApi } from "../api/analytics-client.js";
import { useUiText } from "../i18n/ui-text.js";
import { ImportPreviewTable } from "./ImportPreviewTable.js";
import { ImportProgress } from "./ImportProgress.js";
import { messageOf } from "./message-of.js";
import { ProblemList } from "./ProblemList.js";
import { previewBytes } from "./preview-bytes.js";

const POLL_MS = 500;
const MAPPING_KEYS = ["person", "time", "event"] as const;

interface Props {
  workspaceId: string;
  onImported: () => void;
  onClose: () => void;
}

/** Choose a file, check its preview and column mapping, then import it and follow the progress. */
export function ImportForm({ workspaceId, onImported, onClose }: Props) {
  const { t } = useUiText();
  const fileId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [preset, setPreset] = useState<ImportPreset | "">("");
  const [mapping, setMapping] = useState<ImportColumns | null>(null);
  const [skipInvalid, setSkipInvalid] = useState(false);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [previewError, setPreviewError] = useState<string | null>(null);
  const [job, setJob] = useState<ImportJob | null>(null);
  const [jobError, setJobError] = useState<string | null>(null);

  useEffect(() => {
    if (!file) return;
    let current = true;
    setPreviewError(null);
    previewBytes(file)
      .then((bytes) =>
        analyticsApi.previewImport(workspaceId, file.name, bytes, {
          ...(preset && { preset }),
          ...(mapping && { mapping }),
        }),
      )
      .then((loaded) => current && setPreview(loaded))
      .catch((reason: unknown) => {
        if (!current) return;
        setPreview(null);
        setPreviewError(messageOf(reason));
      });
    return () => {
      current = false;
    };
  }, [workspaceId, file, preset, mapping]);

  // Follow a running import until the server says it is done or failed.
  const jobId = job?.state === "running" ? job.id : null;
  useEffect(() => {
    if (!jobId) return;
    const timer = setInterval(() => {
      analyticsApi
        .importJob(workspaceId, jobId)
        .then((next) => {
          setJob(next);
          if (next.state === "done") onImported();
        })
        .catch((reason: unknown) => setJobError(messageOf(reason)));
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [workspaceId, jobId, onImported]);

  const start = async () => {
    if (!file) return;
    setJobError(null);
    try {
      const started = await analyticsApi.startImport(workspaceId, file, {
        ...(preset && { preset }),
        ...(mapping && { mapping }),
        skipInvalid,
      });
      setJob(started);
      if (started.state === "done") onImported();
    } catch (reason) {
      setJobError(messageOf(reason));
    }
  };

  const shownMapping = mapping ?? preview?.mapping ?? null;
  const chooseColumn = (key: (typeof MAPPING_KEYS)[number], column: string) => {
    const next = { person: "", time: "", event: "", ...shownMapping, [key]: column };
    setMapping(next.person && next.time && next.event ? next : null);
  };
  const running = job?.state === "running";

  return (
    <section className="data-section import-form" aria-label={t("data.import.title")}>
      <h3>{t("data.import.title")}</h3>
      <div className="data-controls">
        <label className="field" htmlFor={fileId}>
          <span>{t("data.import.file")}</span>
          <input
            id={fileId}
            type="file"
            accept=".csv,.tsv,.txt,.json,.ndjson,.jsonl,.parquet,.xlsx,.xes"
            onChange={(event) => {
              setFile(event.target.files?.[0] ?? null);
              setMapping(null);
              setJob(null);
              setJobError(null);
            }}
          />
        </label>
        <label className="field">
          <span>{t("data.import.preset")}</span>
          <select value={preset} onChange={(event) => setPreset(event.target.value as ImportPreset | "")}>
            <option value="">{t("data.import.presetAuto")}</option>
            {IMPORT_PRESETS.map((name) => (
              <option key={name} value={name}>
                {t(`data.import.presets.${name}`)}
              </option>
            ))}
          </select>
        </label>
      </div>

      {previewError && (
        <p className="alert alert-error" role="alert">
          {t("data.import.previewFailed", { message: previewError })}
        </p>
      )}
      {preview && (
        <>
          <p className="muted">{t("data.import.detected", { format: preview.format })}</p>
          {preview.columns.length > 0 && (
            <fieldset className="data-controls">
              <legend>{t("data.import.mapping")}</legend>
              {MAPPING_KEYS.map((key) => (
                <label key={key} className="field">
                  <span>{t(`data.import.column.${key}`)}</span>
                  <select
                    value={shownMapping?.[key] ?? ""}
                    onChange={(event) => chooseColumn(key, event.target.value)}
                  >
                    <option value="">{t("data.import.columnAuto")}</option>
                    {preview.columns.map((column) => (
                      <option key={column} value={column}>
                        {column}
                      </option>
                    ))}
                  </select>
                </label>
              ))}
            </fieldset>
          )}
          <ImportPreviewTable preview={preview} />
          <ProblemList title={t("data.import.problems")} problems={preview.problems} />
        </>
      )}

      <label className="check">
        <input
          type="checkbox"
          checked={skipInvalid}
          onChange={(event) => setSkipInvalid(event.target.checked)}
        />
        <span>{t("data.import.skipInvalid")}</span>
      </label>
      <div className="data-actions">
        <button
          type="button"
          className="button button-primary"
          disabled={!file || running}
          onClick={() => void start()}
        >
          {running ? t("data.import.running") : t("data.import.start")}
        </button>
        <button type="button" className="button" onClick={onClose}>
          {t("common.close")}
        </button>
      </div>
      {jobError && (
        <p className="alert alert-error" role="alert">
          {t("data.import.failed", { message: jobError })}
        </p>
      )}
      {job && <ImportProgress job={job} />}
    </section>
  );
}
