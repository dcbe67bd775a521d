import {
  Activity,
  BarChart3,
  Footprints,
  Frown,
  HeartPulse,
  Lightbulb,
  type LucideIcon,
  MessageCircleQuestion,
  MousePointerClick,
  NotebookPen,
  ShieldAlert,
  Workflow,
} from "lucide-react";
import type { LaneType } from "../../domain/journey-map.js";

/** Each lane type has one icon and one colour family (see --lane-* in tokens.css) across the app. */
export const LANE_ICONS: Record<LaneType, LucideIcon> = {
  actions: Footprints,
  thoughts: MessageCircleQuestion,
  text: NotebookPen,
  backstage: Workflow,
  touchpoints: MousePointerClick,
  tech_barriers: ShieldAlert,
  emotional_barriers: Frown,
  opportunities: Lightbulb,
  emotion: HeartPulse,
  metrics: BarChart3,
};

export const FALLBACK_LANE_ICON = Activity;
