import { BookOpen, LayoutTemplate, Sparkles } from "lucide-react";
import { type ReactNode, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { LANGS, type Lang } from "../../domain/journey-map.js";
import { api } from "../api/client.js";
import type { TemplateInfo } from "../api/types.js";
import { navigate } from "../app/use-route.js";
import { useWorkspace } from "../app/workspace-context.js";
import { Dialog } from "../ui/Dialog.js";
import { localized } from "../ui/display-name.js";

interface Props {
  onClose: () => void;
}

type Group = "model" | "example" | "workspace";
const GROUP_ORDER: Group[] = ["workspace", "model", "example"];
const GROUP_ICON: Record<Group, ReactNode> = {
  model: <LayoutTemplate size={16} aria-hidden="true" />,
  example: <Sparkles size={16} aria-hidden="true" />,
  workspace: <BookOpen size={16} aria-hidden="true" />,
};

/** Templates a workspace saved come first: they are the team's own starting points. */
function groupOf(template: TemplateInfo): Group {
  return template.source === "workspace" ? "workspace" : template.kind;
}

/** Pick a stage model or a filled example, and the language of its contents, then create. */
export function NewMapDialog({ onClose }: Props) {
  const { t, i18n } = useTranslation();
  const workspace = useWorkspace();
  const uiLang = (i18n.resolvedLanguage ?? "en") as Lang;
  const [templates, setTemplates] = useState<TemplateInfo[] | null>(null);
  const [templateId, setTemplateId] = useState("");
  const [lang, setLang] = useState<Lang>(uiLang);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    api
      .templates()
      .then((list) => {
        setTemplates(list);
        setTemplateId((current) => current || list[0]?.id || "");
      })
      .catch((reason: unknown) => setError(reason instanceof Error ? reason.message : String(reason)));
  }, []);

  const create = async () => {
    setBusy(true);
    setError(null);
    try {
      const { map } = await api.createFromTemplate(workspace.id, templateId, lang);
      navigate(`#/maps/${map.id}`);
    } catch (reason) {
      setError(reason instanceof Error ? reason.message : String(reason));
      setBusy(false);
    }
  };

  return (
    <Dialog
      title={t("newMap.title")}
      onClose={onClose}
      wide
      footer={
        <>
          <label className="field-inline">
            <span>{t("newMap.language")}</span>
            <select
              aria-label={t("newMap.language")}
              value={lang}
              onChange={(event) => setLang(event.target.value as Lang)}
            >
              {LANGS.map((code) => (
                <option key={code} value={code}>
                  {t(`lang.${code}`)}
                </option>
              ))}
            </select>
          </label>
          <span className="spacer" />
          <button type="button" className="button" onClick={onClose}>
            {t("common.cancel")}
          </button>
          <button
            type="button"
            className="button button-primary"
            disabled={!templateId || busy}
            onClick={() => void create()}
          >
            {busy ? t("newMap.creating") : t("newMap.create")}
          </button>
        </>
      }
    >
      {error && (
        <p className="alert alert-error" role="alert">
          {error}
        </p>
      )}
      {!templates && !error && <p className="muted">{t("common.loading")}</p>}
      {templates &&
        GROUP_ORDER.map((kind) => {
          const ofKind = templates.filter((template) => groupOf(template) === kind);
          if (ofKind.length === 0) return null;
          return (
            <fieldset key={kind} className="template-group">
              <legend>
                {GROUP_ICON[kind]}
                {t(`newMap.kind.${kind}`)}
              </legend>
              <div className="template-grid">
                {ofKind.map((template) => (
                  <label
                    key={template.id}
                    className={template.id === templateId ? "template-card selected" : "template-card"}
                  >
                    <input
                      type="radio"
                      name="template"
                      value={template.id}
                      checked={template.id === templateId}
                      onChange={() => setTemplateId(template.id)}
                    />
                    <span className="template-name">{localized(template.name, lang)}</span>
                    <span className="template-description">{localized(template.description, lang)}</span>
                  </label>
                ))}
              </div>
            </fieldset>
          );
        })}
    </Dialog>
  );
}
