import { useEffect, useId, useState } from "react";
import { FUNNEL_ORDERS, FUNNEL_UNITS } from "../../domain/analytics/funnel-query.js";
import type { MapFunnelSettings } from "../../domain/journey-map.js";
import { setFunnelSettings } from "../../domain/map-operations.js";
import { useUiText } from "../i18n/ui-text.js";
import type { MapEdit } from "../map-editor/use-map-document.js";
import { joinWindow, splitWindow, type WindowUnit } from "./window-length.js";

interface Props {
  settings: MapFunnelSettings;
  readOnly: boolean;
  apply: (edit: MapEdit) => void;
}

/** The map funnel's conversion window, step order and counting unit. */
export function FunnelSettingsEditor({ settings, readOnly, apply }: Props) {
  const { t } = useUiText();
  const errorId = useId();
  const split = splitWindow(settings.windowMs);
  const [amount, setAmount] = useState(String(split.amount));
  const [unit, setUnit] = useState<WindowUnit>(split.unit);

  useEffect(() => {
    const next = splitWindow(settings.windowMs);
    setAmount(String(next.amount));
    setUnit(next.unit);
  }, [settings.windowMs]);

  const saveWindow = (text: string, windowUnit: WindowUnit) => {
    const value = Number(text.replace(",", "."));
    if (!Number.isFinite(value) || value <= 0) return;
    const windowMs = joinWindow(value, windowUnit);
    if (windowMs !== settings.windowMs) apply((map) => setFunnelSettings(map, { windowMs }));
  };
  const invalid = !(Number(amount.replace(",", ".")) > 0);

  return (
    <fieldset className="data-section funnel-settings">
      <legend>{t("data.settings.title")}</legend>
      <div className="data-controls">
        <label className="field">
          <span>{t("data.settings.window")}</span>
          <span className="window-input">
            <input
              type="text"
              inputMode="decimal"
              value={amount}
              readOnly={readOnly}
              aria-invalid={invalid}
              aria-describedby={invalid ? errorId : undefined}
              onChange={(event) => setAmount(event.target.value)}
              onBlur={() => saveWindow(amount, unit)}
              onKeyDown={(event) => {
                if (event.key === "Enter") saveWindow(amount, unit);
              }}
            />
            <select
              aria-label={t("data.settings.windowUnit")}
              value={unit}
              disabled={readOnly}
              onChange={(event) => {
                const next = event.target.value as WindowUnit;
                setUnit(next);
                saveWindow(amount, next);
              }}
            >
              <option value="days">{t("data.settings.days")}</option>
              <option value="hours">{t("data.settings.hours")}</option>
            </select>
          </span>
        </label>
        <label className="field">
          <span>{t("data.settings.order")}</span>
          <select
            value={settings.order}
            disabled={readOnly}
            onChange={(event) =>
              apply((map) =>
                setFunnelSettings(map, { order: event.target.value as MapFunnelSettings["order"] }),
              )
            }
          >
            {FUNNEL_ORDERS.map((order) => (
              <option key={order} value={order}>
                {t(`data.settings.orders.${order}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t("data.settings.unit")}</span>
          <select
            value={settings.unit}
            disabled={readOnly}
            onChange={(event) =>
              apply((map) =>
                setFunnelSettings(map, { unit: event.target.value as MapFunnelSettings["unit"] }),
              )
            }
          >
            {FUNNEL_UNITS.map((funnelUnit) => (
              <option key={funnelUnit} value={funnelUnit}>
                {t(`data.settings.units.${funnelUnit}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      {invalid && (
        <p id={errorId} className="field-error" role="alert">
          {t("data.settings.windowInvalid")}
        </p>
      )}
    </fieldset>
  );
}
