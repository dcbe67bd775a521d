import { PenLine } from "lucide-react";
import { useId } from "react";
import { CHANNELS, type Channel } from "../../domain/journey-map.js";
import { useUiText } from "../i18n/ui-text.js";
import { CHANNEL_ICONS } from "../ui/channel-icons.js";

interface Props {
  channel: Channel | "custom" | "";
  customChannel: string;
  onChannel: (channel: Channel | "custom" | "") => void;
  onCustomChannel: (name: string) => void;
}

/** The touchpoint catalogue as icon tiles (a radio group), plus "custom" with a free name. */
export function ChannelPicker({ channel, customChannel, onChannel, onCustomChannel }: Props) {
  const { t } = useUiText();
  const groupName = useId();
  return (
    <fieldset className="channel-picker">
      <legend>{t("card.channel")}</legend>
      <div className="channel-grid">
        {CHANNELS.map((option) => {
          const Icon = CHANNEL_ICONS[option];
          return (
            <label key={option} className={option === channel ? "channel-option selected" : "channel-option"}>
              <input
                type="radio"
                name={groupName}
                value={option}
                checked={option === channel}
                onChange={() => onChannel(option)}
                onClick={() => option === channel && onChannel("")}
              />
              <Icon size={16} aria-hidden="true" />
              <span className="channel-option-name">{t(`channel.${option}`)}</span>
            </label>
          );
        })}
        <label className={channel === "custom" ? "channel-option selected" : "channel-option"}>
          <input
            type="radio"
            name={groupName}
            value="custom"
            checked={channel === "custom"}
            onChange={() => onChannel("custom")}
          />
          <PenLine size={16} aria-hidden="true" />
          <span className="channel-option-name">{t("channel.custom")}</span>
        </label>
      </div>
      {channel === "custom" && (
        <input
          aria-label={t("card.customChannel")}
          placeholder={t("card.customChannel")}
          value={customChannel}
          maxLength={200}
          onChange={(event) => onCustomChannel(event.target.value)}
        />
      )}
    </fieldset>
  );
}
