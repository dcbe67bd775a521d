import { useUiText } from "../i18n/ui-text.js";
import { CopyField } from "../ui/CopyField.js";

/** The new link in full, once: the server keeps only its hash, so this is the one chance to copy it. */
export function CreatedLinkBox({ url }: { url: string }) {
  const { t } = useUiText();
  return (
    <section className="share-created" aria-label={t("sharing.createdTitle")}>
      <h3>{t("sharing.createdTitle")}</h3>
      <CopyField
        value={url}
        label={t("sharing.linkLabel")}
        copyLabel={t("sharing.copy")}
        copiedLabel={t("sharing.copied")}
      />
      <p className="muted">{t("sharing.createdNote")}</p>
    </section>
  );
}
