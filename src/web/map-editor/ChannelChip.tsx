import { CircleDashed } from "lucide-react";
import type { Channel } from "../../domain/journey-map.js";
import { useUiText } from "../i18n/ui-text.js";
import { CHANNEL_ICONS } from "../ui/channel-icons.js";

interface Props {
  channel: Channel | undefined;
  customName: string | undefined;
}

export function ChannelChip({ channel, customName }: Props) {
  const { t } = useUiText();
  if (!channel && !customName) return null;
  const Icon = channel ? CHANNEL_ICONS[channel] : CircleDashed;
  return (
    <span className="channel-chip">
      <Icon size={13} aria-hidden="true" />
      {channel ? t(`channel.${channel}`) : customName}
    </span>
  );
}
