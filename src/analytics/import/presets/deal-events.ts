import { parseNumber } from "../parse-number.js";
import type { IdentityLinks } from "./identity-links.js";
import { localTimeOf, requireLocalTime } from "./local-time.js";
import { phonesIn } from "./phone.js";
import { compact, type PresetEvent } from "./preset-event.js";
import type { Row } from "./row.js";

export const DEAL_CREATED = "deal created";
export const DEAL_STAGE = "deal stage";
export const DEAL_WON = "deal won";
export const DEAL_LOST = "deal lost";

/** Where a CRM's deal export keeps each part of a deal: the header names it may use, in any language. */
export type DealColumns = {
  preset: string;
  id: readonly string[];
  name: readonly string[];
  stage: readonly string[];
  pipeline: readonly string[];
  amount: readonly string[];
  created: readonly string[];
  modified: readonly string[];
  closed: readonly string[];
  responsible: readonly string[];
  lossReason: readonly string[];
  source: readonly string[];
  phones: readonly string[];
  emails: readonly string[];
  contact: readonly string[];
  /** Web ids of the same person (Metrica clientID, GA client id), linked as they are. */
  webIds: readonly string[];
  /** Roistat visit ids, linked as `roistat:visit:ID` (what the roistat preset links calls to). */
  roistatVisit: readonly string[];
  utm: Readonly<Record<string, readonly string[]>>;
  outcome: (row: Row, stage: string) => "won" | "lost" | "open";
};

/** Cells that mean "no close date yet". */
const NOT_CLOSED = new Set(["не закрыта", "не закрыт", "not closed", "open", "-"]);

/**
 * The events one row of a deal export stands for: `deal created` at its creation, and its current
 * stage as `deal won` (with `revenue`), `deal lost` or `deal stage` (property `stage`) at the close date, else the
 * last edit (never before the creation). Ids carry the stage, so importing a later export adds
 * the stages reached since. The person is the contact's first phone, else e-mail, else the
 * contact, else the deal itself; the other phones, e-mails and web ids are linked to it.
 */
export function dealEvents(row: Row, columns: DealColumns, links: IdentityLinks): PresetEvent[] {
  const dealId = row.requireText(columns.id);
  const created = requireLocalTime(row, columns.created);
  const stage = row.text(columns.stage);
  const identities = personIds(row, columns, dealId);
  const [person = `${columns.preset}:deal:${dealId}`, ...aliases] = identities;
  const properties = dealProperties(row, columns, dealId, stage);
  const events: PresetEvent[] = [
    ...links.linkAll(person, aliases, created),
    { person, time: created, event: DEAL_CREATED, properties, id: `${columns.preset}:${dealId}:created` },
  ];
  if (stage === "") return events;
  const outcome = columns.outcome(row, stage);
  const closedText = row.text(columns.closed).toLowerCase();
  const closed =
    outcome !== "open" && !NOT_CLOSED.has(closedText) ? localTimeOf(row, columns.closed) : undefined;
  const time = Math.max(created, closed ?? localTimeOf(row, columns.modified) ?? created);
  const event = outcome === "won" ? DEAL_WON : outcome === "lost" ? DEAL_LOST : DEAL_STAGE;
  const stageProperties = compact({
    ...properties,
    loss_reason: outcome === "lost" ? row.text(columns.lossReason) : "",
    revenue: outcome === "won" ? properties.amount : undefined,
  });
  events.push({
    person,
    time,
    event,
    properties: stageProperties,
    id: `${columns.preset}:${dealId}:stage:${stage}`,
  });
  return events;
}

function personIds(row: Row, columns: DealColumns, dealId: string): string[] {
  const phones = columns.phones.flatMap((name) => phonesIn(row.text([name])));
  const emails = columns.emails.flatMap((name) =>
    row
      .text([name])
      .split(/[,;\s]+/)
      .map((email) => email.trim().toLowerCase())
      .filter((email) => email.includes("@")),
  );
  const contact = row.text(columns.contact);
  const contactId = phonesIn(contact)[0] ?? (contact ? `${columns.preset}:contact:${contact}` : "");
  const ids = [...phones, ...emails];
  if (ids.length === 0 && contactId) ids.push(contactId);
  if (ids.length === 0) ids.push(`${columns.preset}:deal:${dealId}`);
  ids.push(...columns.webIds.map((name) => row.text([name])));
  ids.push(
    ...columns.roistatVisit
      .map((name) => row.text([name]))
      .map((visit) => (visit ? `roistat:visit:${visit}` : "")),
  );
  return [...new Set(ids.filter((id) => id !== ""))];
}

function dealProperties(
  row: Row,
  columns: DealColumns,
  dealId: string,
  stage: string,
): Record<string, unknown> {
  const amount = row.text(columns.amount);
  const utm: Record<string, unknown> = {};
  for (const [property, names] of Object.entries(columns.utm)) utm[property] = row.text(names);
  return compact({
    deal_id: dealId,
    deal_name: row.text(columns.name),
    stage,
    pipeline: row.text(columns.pipeline),
    amount: parseNumber(amount) ?? (amount || undefined),
    responsible: row.text(columns.responsible),
    source: row.text(columns.source),
    contact: row.text(columns.contact),
    ...utm,
  });
}

/** The five `utm_*` properties, read from the given header spellings (`{}` → `utm_source`, `UTM Source`). */
export function utmColumns(
  extra: (part: string) => readonly string[] = () => [],
): Record<string, readonly string[]> {
  const parts = ["source", "medium", "campaign", "term", "content"];
  return Object.fromEntries(
    parts.map((part) => [`utm_${part}`, [`utm_${part}`, `UTM ${part}`, `utm_${part}#2`, ...extra(part)]]),
  );
}
