import { useCallback, useEffect, useState } from "react";
import type { CreatedShareLink, ShareLink } from "../../domain/team/share-link.js";
import { useUiText } from "../i18n/ui-text.js";
import { Dialog } from "../ui/Dialog.js";
import { CreatedLinkBox } from "./CreatedLinkBox.js";
import { LiveLinkList } from "./LiveLinkList.js";
import { NewLinkForm } from "./NewLinkForm.js";
import { shareApi } from "./share-client.js";
import "./sharing.css";

const messageOf = (reason: unknown) => (reason instanceof Error ? reason.message : String(reason));

/** Create a public read-only link, copy it (shown once), and see or revoke the map's live links. */
export function ShareDialog({ mapId, onClose }: { mapId: string; onClose: () => void }) {
  const { t } = useUiText();
  const [links, setLinks] = useState<ShareLink[] | null>(null);
  const [created, setCreated] = useState<CreatedShareLink | null>(null);
  const [error, setError] = useState<string | null>(null);

  const reload = useCallback(
    () =>
      shareApi
        .list(mapId)
        .then(setLinks)
        .catch((reason: unknown) => setError(messageOf(reason))),
    [mapId],
  );
  useEffect(() => {
    void reload();
  }, [reload]);

  const create = async (body: { expiresAt?: string; password?: string }) => {
    setError(null);
    try {
      setCreated(await shareApi.create(mapId, body));
      await reload();
      return true;
    } catch (reason) {
      setError(messageOf(reason));
      return false;
    }
  };

  const revoke = async (link: ShareLink) => {
    if (!window.confirm(t("sharing.revokeConfirm", { hint: link.tokenHint }))) return;
    setError(null);
    try {
      await shareApi.revoke(mapId, link.id);
      if (created?.id === link.id) setCreated(null);
      await reload();
    } catch (reason) {
      setError(messageOf(reason));
    }
  };

  return (
    <Dialog
      title={t("sharing.title")}
      onClose={onClose}
      wide
      footer={
        <>
          <span className="spacer" />
          <button type="button" className="button button-primary" onClick={onClose}>
            {t("common.done")}
          </button>
        </>
      }
    >
      <p className="muted share-intro">{t("sharing.intro")}</p>
      <NewLinkForm onCreate={create} />
      {error && (
        <p className="alert alert-error" role="alert">
          {error}
        </p>
      )}
      {created && <CreatedLinkBox url={created.url} />}
      <LiveLinkList links={links} onRevoke={(link) => void revoke(link)} />
    </Dialog>
  );
}
