import {
  Bot,
  Globe,
  Headphones,
  type LucideIcon,
  Mail,
  Megaphone,
  MessageCircle,
  PanelsTopLeft,
  Share2,
  Smartphone,
  Store,
} from "lucide-react";
import type { Channel } from "../../domain/journey-map.js";

export const CHANNEL_ICONS: Record<Channel, LucideIcon> = {
  website: Globe,
  landing: PanelsTopLeft,
  social: Share2,
  messenger: MessageCircle,
  email: Mail,
  call_centre: Headphones,
  chat_bot: Bot,
  mobile_app: Smartphone,
  offline: Store,
  ads: Megaphone,
};
