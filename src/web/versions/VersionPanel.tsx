import { Eye, RotateCcw } from "lucide-react";
import { useCallback, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../api/client.js";
import type { VersionDetail, VersionInfo } from "../api/types.js";
import { Drawer } from "../ui/Drawer.js";
import { InlineText } from "../ui/InlineText.js";

interface Props {
  mapId: string;
  revision: number;
  viewing: number | null;
  onView: (version: VersionDetail) => void;
  onRestore: (revision: number) => Promise<void>;
  onClose: () => void;
}

/** Every save is a version: list them, name one, open an old one read-only, or restore it. */
export function VersionPanel({ mapId, revision, viewing, onView, onRestore, onClose }: Props) {
  const { t, i18n } = useTranslation();
  const [versions, setVersions] = useState<VersionInfo[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(() => {
    api
      .versions(mapId)
      .then(setVersions)
      .catch((reason: unknown) => setError(reason instanceof Error ? reason.message : String(reason)));
  }, [mapId]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: each save makes a new revision, so refetch the list
  useEffect(() => load(), [load, revision]);

  const run = async (action: () => Promise<unknown>) => {
    setError(null);
    try {
      await action();
      load();
    } catch (reason) {
      setError(reason instanceof Error ? reason.message : String(reason));
    }
  };

  const when = (iso: string) =>
    new Date(iso).toLocaleString(i18n.resolvedLanguage, { dateStyle: "medium", timeStyle: "short" });

  return (
    <Drawer title={t("versions.title")} onClose={onClose}>
      <p className="muted drawer-intro">{t("versions.intro")}</p>
      {error && (
        <p className="alert alert-error" role="alert">
          {error}
        </p>
      )}
      {!versions && !error && <p className="muted">{t("common.loading")}</p>}
      <ol className="version-list">
        {versions?.map((version) => (
          <li
            key={version.revision}
            className={version.revision === viewing ? "version-item viewing" : "version-item"}
          >
            <div className="version-head">
              <span className="version-number">
                {t("versions.revision", { revision: version.revision })}
                {version.revision === revision && (
                  <span className="current-pill">{t("versions.current")}</span>
                )}
              </span>
              <time dateTime={version.createdAt} className="muted">
                {when(version.createdAt)}
              </time>
            </div>
            <InlineText
              value={version.name ?? ""}
              label={t("versions.nameLabel", { revision: version.revision })}
              placeholder={t("versions.namePlaceholder")}
              className="inline-text version-name"
              onCommit={(name) => void run(() => api.nameVersion(mapId, version.revision, name))}
            />
            {version.revision !== revision && (
              <div className="version-actions">
                <button
                  type="button"
                  className="button button-sm"
                  onClick={() => void run(async () => onView(await api.version(mapId, version.revision)))}
                  aria-label={t("versions.viewLabel", { revision: version.revision })}
                >
                  <Eye size={14} aria-hidden="true" />
                  <span>{t("versions.view")}</span>
                </button>
                <button
                  type="button"
                  className="button button-sm"
                  onClick={() => {
                    if (window.confirm(t("versions.confirmRestore", { revision: version.revision }))) {
                      void run(() => onRestore(version.revision));
                    }
                  }}
                  aria-label={t("versions.restoreLabel", { revision: version.revision })}
                >
                  <RotateCcw size={14} aria-hidden="true" />
                  <span>{t("versions.restore")}</span>
                </button>
              </div>
            )}
          </li>
        ))}
      </ol>
    </Drawer>
  );
}
