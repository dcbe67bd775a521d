import type { TFunction } from "i18next";
import type { ActivityEntry } from "../../domain/team/activity.js";
import { type ActivityDetails, activityDetailsSchemas } from "../../domain/team/activity-details.js";
import type { MapChange } from "../../domain/team/map-changes.js";

/** One entry in words: who, what they did, and for map edits with several changes, each of them. */
export interface ActivitySentence {
  actor: string;
  phrase: string;
  changes: string[];
  /** The map the entry is about, to link to from the workspace log. */
  map: { id: string; title: string } | null;
}

/**
 * Words an entry in the reader's language. Details come from the server as plain JSON and may be
 * from an older or newer Tropa; when they do not have the expected shape the plain action is shown.
 */
export function describeEntry(entry: ActivityEntry, t: TFunction): ActivitySentence {
  const actor = entry.actor?.name ?? t("activity.someone");
  const title = typeof entry.details.title === "string" ? entry.details.title : "";
  const map = entry.mapId ? { id: entry.mapId, title } : null;
  const { phrase, changes } = phraseOf(entry, t);
  return { actor, phrase, changes, map };
}

function phraseOf(entry: ActivityEntry, t: TFunction): { phrase: string; changes: string[] } {
  const schema = activityDetailsSchemas[entry.action];
  const parsed = schema.safeParse(entry.details);
  const details = (parsed.success ? parsed.data : entry.details) as Record<string, unknown>;
  if (entry.action === "map.edited" && parsed.success) {
    return describeEdit(parsed.data as ActivityDetails<"map.edited">, t);
  }
  if (entry.action === "member.removed" && parsed.success) {
    const { left, userId } = parsed.data as ActivityDetails<"member.removed">;
    if (left || userId === entry.actor?.id) return { phrase: t("activity.actions.member.left"), changes: [] };
  }
  return { phrase: t(`activity.actions.${entry.action}`, interpolationOf(details, t)), changes: [] };
}

/** Flattens details into the sentence's placeholders: a member by name, a role in words, counts. */
function interpolationOf(details: Record<string, unknown>, t: TFunction): Record<string, string | number> {
  const values: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(details)) {
    if (typeof value === "string" || typeof value === "number") values[key] = value;
  }
  values.member = typeof details.name === "string" ? details.name : t("activity.someone");
  if (typeof details.role === "string") values.role = t(`activity.roles.${details.role}`);
  if (typeof details.inserted === "number") values.count = details.inserted;
  return values;
}

function describeEdit(details: ActivityDetails<"map.edited">, t: TFunction) {
  const listed = details.changes.filter((change) => change.kind !== "more");
  const hidden = details.changes.reduce(
    (sum, change) => sum + (change.kind === "more" ? (change.count ?? 0) : 0),
    0,
  );
  const [only] = listed;
  if (only && listed.length === 1 && hidden === 0) return { phrase: describeChange(only, t), changes: [] };
  if (listed.length === 0)
    return { phrase: t("activity.actions.map.edited", { title: details.title }), changes: [] };
  const changes = listed.map((change) => describeChange(change, t));
  if (hidden > 0) changes.push(t("activity.changes.more", { count: hidden }));
  return { phrase: t("activity.madeChanges", { count: listed.length + hidden }), changes };
}

/** Changes without the thing they name (a card with no text, a curve as a whole) use the "_empty" wording. */
export function describeChange(change: MapChange, t: TFunction): string {
  const subject = change.kind.startsWith("card-") ? change.text : change.stage;
  const needsSubject =
    change.kind.startsWith("card-") || change.kind === "emotion-changed" || change.kind === "metrics-changed";
  const empty = needsSubject && !subject;
  return t(`activity.changes.${change.kind}`, {
    stage: change.stage ?? "",
    lane: change.lane ?? "",
    text: change.text ?? "",
    from: change.from ?? "",
    ...(change.count === undefined ? {} : { count: change.count }),
    ...(empty ? { context: "empty" } : {}),
  });
}
