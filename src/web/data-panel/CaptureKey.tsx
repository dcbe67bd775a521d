import { KeyRound, RefreshCw } from "lucide-react";
import { useId, useState } from "react";
import { analyticsApi } from "../api/analytics-client.js";
import { useUiText } from "../i18n/ui-text.js";
import { messageOf } from "./message-of.js";

/**
 * The workspace's write key for `POST /api/capture`, with a ready-to-run example, so a site or backend can
 * send events without an export. Rotating it stops the old key at once.
 */
export function CaptureKey({ workspaceId }: { workspaceId: string }) {
  const { t } = useUiText();
  const [writeKey, setWriteKey] = useState<string | null>(null);
  const [shown, setShown] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const headingId = useId();

  const load = (request: Promise<{ writeKey: string }>) =>
    request
      .then((answer) => {
        setWriteKey(answer.writeKey);
        setError(null);
      })
      .catch((reason: unknown) => setError(messageOf(reason)));

  const show = () => {
    setShown(true);
    load(analyticsApi.writeKey(workspaceId));
  };

  const rotate = () => {
    if (window.confirm(t("data.capture.rotateConfirm"))) load(analyticsApi.rotateWriteKey(workspaceId));
  };

  const example = `curl -u ${writeKey ?? "WRITE_KEY"}: -H 'content-type: application/json' \\
  ${window.location.origin}/api/capture \\
  -d '{"type":"track","userId":"u1","event":"signup","properties":{"plan":"pro"}}'`;

  return (
    <section aria-labelledby={headingId} className="data-section">
      <div className="data-section-head">
        <h3 id={headingId}>{t("data.capture.title")}</h3>
        {!shown && (
          <button type="button" className="button" onClick={show}>
            <KeyRound size={16} aria-hidden="true" />
            <span>{t("data.capture.show")}</span>
          </button>
        )}
      </div>
      <p className="muted">{t("data.capture.explain")}</p>
      {error && (
        <p className="alert alert-error" role="alert">
          {t("data.unavailable", { message: error })}
        </p>
      )}
      {shown && writeKey !== null && (
        <>
          <p>
            <span>{t("data.capture.key")}</span> <code data-testid="write-key">{writeKey}</code>{" "}
            <button type="button" className="button" onClick={rotate}>
              <RefreshCw size={16} aria-hidden="true" />
              <span>{t("data.capture.rotate")}</span>
            </button>
          </p>
          <pre className="capture-example">{example}</pre>
        </>
      )}
    </section>
  );
}
