import { useUiText } from "../i18n/ui-text.js";

interface Props {
  legend: string;
  from: string;
  to: string;
  onFrom: (value: string) => void;
  onTo: (value: string) => void;
}

/** Two date inputs, both days included (UTC). */
export function DateRangeFields({ legend, from, to, onFrom, onTo }: Props) {
  const { t } = useUiText();
  return (
    <fieldset className="date-range">
      <legend>{legend}</legend>
      <label className="field">
        <span>{t("data.query.from")}</span>
        <input type="date" value={from} onChange={(event) => onFrom(event.target.value)} />
      </label>
      <label className="field">
        <span>{t("data.query.to")}</span>
        <input type="date" value={to} onChange={(event) => onTo(event.target.value)} />
      </label>
    </fieldset>
  );
}
