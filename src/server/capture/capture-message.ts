import { z } from "zod";
import type { EventRecord } from "../../analytics/event.js";

/** The event names capture gives page views and identify calls (see docs/analytics.md "Identity linking"). */
export const PAGEVIEW_EVENT = "$pageview";
export const IDENTIFY_EVENT = "$identify";

/** Segment sends string ids; some clients send numbers. */
const identity = z.union([
  z.string().trim().min(1, "must not be empty").max(512, "must be at most 512 characters"),
  z.number().finite(),
]);

const instant = z
  .string()
  .max(64)
  .refine((text) => Number.isFinite(Date.parse(text)), "must be an ISO 8601 date and time");

const properties = z.record(z.string(), z.unknown());

const text = z.string().max(2000).optional();

/** Segment's common fields; unknown ones (integrations, channel, version…) are accepted and ignored. */
const common = {
  userId: identity.nullish(),
  anonymousId: identity.nullish(),
  messageId: z.string().min(1).max(512).optional(),
  timestamp: instant.optional(),
  sentAt: instant.optional(),
  context: z
    .looseObject({
      campaign: z
        .looseObject({ source: text, medium: text, name: text, term: text, content: text })
        .optional(),
      page: z.looseObject({ url: text, path: text, title: text, referrer: text }).optional(),
    })
    .optional(),
};

const trackSchema = z.looseObject({
  ...common,
  type: z.literal("track"),
  event: z.string().trim().min(1, "must not be empty").max(512),
  properties: properties.optional(),
});

const pageSchema = z.looseObject({
  ...common,
  type: z.literal("page"),
  name: z.string().max(512).nullish(),
  properties: properties.optional(),
});

const identifySchema = z.looseObject({
  ...common,
  type: z.literal("identify"),
  traits: properties.optional(),
});

/** One Segment-compatible message: track, page or identify, from a known person or an anonymous one. */
export const captureMessageSchema = z
  .discriminatedUnion("type", [trackSchema, pageSchema, identifySchema], {
    error: "must be track, page or identify",
  })
  .superRefine((message, ctx) => {
    if (idOf(message.userId) === null && idOf(message.anonymousId) === null) {
      ctx.addIssue({ code: "custom", path: ["userId"], message: "give userId or anonymousId" });
    }
  });
export type CaptureMessage = z.infer<typeof captureMessageSchema>;

export const captureBatchSchema = z.looseObject({
  batch: z.array(captureMessageSchema).min(1, "must hold at least one message"),
  sentAt: instant.optional(),
  writeKey: z.string().optional(),
});

const CAMPAIGN_PROPERTIES = {
  source: "utm_source",
  medium: "utm_medium",
  name: "utm_campaign",
  term: "utm_term",
  content: "utm_content",
} as const;

/**
 * A message as an event: `messageId` is the id (a re-sent message adds nothing), the person is the
 * user id or else the anonymous id, the time the message's own timestamp, else when it was sent,
 * else now. An identify with both ids links them: `properties.alias` is the anonymous id.
 */
export function toEventRecord(
  message: CaptureMessage,
  fallback: { sentAt?: string; now: number },
): EventRecord {
  const person = idOf(message.userId) ?? idOf(message.anonymousId) ?? "";
  const when = message.timestamp ?? message.sentAt ?? fallback.sentAt;
  return {
    person,
    time: when === undefined ? fallback.now : Date.parse(when),
    event: eventNameOf(message),
    properties: { ...campaignOf(message), ...propertiesOf(message) },
    source: "capture",
    id: message.messageId ?? null,
  };
}

/** An id as text; Segment ids are strings, some clients send numbers. */
function idOf(id: string | number | null | undefined): string | null {
  return id === undefined || id === null ? null : String(id);
}

function eventNameOf(message: CaptureMessage): string {
  if (message.type === "track") return message.event;
  return message.type === "page" ? PAGEVIEW_EVENT : IDENTIFY_EVENT;
}

function propertiesOf(message: CaptureMessage): Record<string, unknown> {
  if (message.type === "track") return { ...message.properties };
  if (message.type === "identify") {
    const userId = idOf(message.userId);
    const anonymousId = idOf(message.anonymousId);
    const linked = userId !== null && anonymousId !== null ? { alias: anonymousId } : {};
    return { ...message.traits, ...linked };
  }
  const result: Record<string, unknown> = message.name ? { name: message.name } : {};
  const page = message.context?.page ?? {};
  for (const field of ["url", "path", "title"] as const) {
    if (page[field] !== undefined) result[field] = page[field];
  }
  return { ...result, ...message.properties };
}

/** `context.campaign` as the utm_* properties web analytics exports use; the message's own properties win. */
function campaignOf(message: CaptureMessage): Record<string, string> {
  const campaign = message.context?.campaign;
  const result: Record<string, string> = {};
  if (!campaign) return result;
  for (const [field, property] of Object.entries(CAMPAIGN_PROPERTIES)) {
    const value = campaign[field as keyof typeof CAMPAIGN_PROPERTIES];
    if (typeof value === "string" && value !== "") result[property] = value;
  }
  return result;
}
