import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { ValidationError } from "../../domain/errors.js";
import { CHANNELS, type Channel } from "../../domain/journey-map.js";
import { type Persona, personaSchema } from "../../domain/persona.js";
import { CHANNEL_ICONS } from "../ui/channel-icons.js";
import { Dialog } from "../ui/Dialog.js";
import { PersonaAvatar } from "./PersonaAvatar.js";

interface Props {
  persona: Persona;
  isNew: boolean;
  onSave: (persona: Persona) => Promise<void>;
  onClose: () => void;
}

const COLOURS = ["#6366f1", "#0d9488", "#ea580c", "#db2777", "#0284c7", "#65a30d", "#7c3aed", "#b45309"];

/** The persona form; validated with the shared schema before it is sent. */
export function PersonaEditor({ persona, isNew, onSave, onClose }: Props) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(persona);
  const [ageText, setAgeText] = useState(persona.age === null ? "" : String(persona.age));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const formId = useId();

  const set = <K extends keyof Persona>(key: K, value: Persona[K]) =>
    setDraft((current) => ({ ...current, [key]: value }));

  const toggleChannel = (channel: Channel) =>
    set(
      "channels",
      draft.channels.includes(channel)
        ? draft.channels.filter((c) => c !== channel)
        : [...draft.channels, channel],
    );

  const save = async () => {
    const age = ageText.trim() === "" ? null : Number(ageText);
    const parsed = personaSchema.safeParse({ ...draft, age: Number.isNaN(age) ? ageText : age });
    if (!parsed.success) {
      setError(ValidationError.fromZod(parsed.error).message);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await onSave(parsed.data);
      onClose();
    } catch (reason) {
      setError(reason instanceof Error ? reason.message : String(reason));
      setBusy(false);
    }
  };

  const text = (key: "name" | "occupation" | "avatar", label: string, maxLength: number) => (
    <label className="field">
      <span>{label}</span>
      <input value={draft[key]} maxLength={maxLength} onChange={(event) => set(key, event.target.value)} />
    </label>
  );
  const area = (key: "context" | "motivation" | "pains" | "quote", label: string) => (
    <label className="field">
      <span>{label}</span>
      <textarea rows={3} value={draft[key]} onChange={(event) => set(key, event.target.value)} />
    </label>
  );

  return (
    <Dialog
      title={isNew ? t("persona.newTitle") : t("persona.editTitle", { name: persona.name })}
      onClose={onClose}
      wide
      footer={
        <>
          <span className="spacer" />
          <button type="button" className="button" onClick={onClose}>
            {t("common.cancel")}
          </button>
          <button type="submit" form={formId} className="button button-primary" disabled={busy}>
            {t("persona.save")}
          </button>
        </>
      }
    >
      <form
        id={formId}
        className="persona-form"
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        {error && (
          <p className="alert alert-error" role="alert">
            {error}
          </p>
        )}
        <div className="persona-form-identity">
          <PersonaAvatar persona={draft} size="lg" />
          <div className="persona-form-grid">
            {text("name", t("persona.name"), 200)}
            {text("avatar", t("persona.avatar"), 16)}
            <label className="field">
              <span>{t("persona.age")}</span>
              <input
                inputMode="numeric"
                value={ageText}
                onChange={(event) => setAgeText(event.target.value)}
              />
            </label>
            {text("occupation", t("persona.occupation"), 200)}
          </div>
        </div>
        <fieldset className="colour-picker">
          <legend>{t("persona.colour")}</legend>
          {COLOURS.map((colour) => (
            <label key={colour} className="colour-swatch" style={{ background: colour }}>
              <input
                type="radio"
                name={`${formId}-colour`}
                checked={draft.color === colour}
                onChange={() => set("color", colour)}
                aria-label={colour}
              />
            </label>
          ))}
        </fieldset>
        {area("context", t("persona.context"))}
        {area("motivation", t("persona.motivation"))}
        {area("pains", t("persona.pains"))}
        <fieldset className="channel-toggles">
          <legend>{t("persona.channels")}</legend>
          {CHANNELS.map((channel) => {
            const Icon = CHANNEL_ICONS[channel];
            return (
              <label
                key={channel}
                className={draft.channels.includes(channel) ? "toggle-chip on" : "toggle-chip"}
              >
                <input
                  type="checkbox"
                  checked={draft.channels.includes(channel)}
                  onChange={() => toggleChannel(channel)}
                />
                <Icon size={14} aria-hidden="true" />
                {t(`channel.${channel}`)}
              </label>
            );
          })}
        </fieldset>
        {area("quote", t("persona.quote"))}
      </form>
    </Dialog>
  );
}
