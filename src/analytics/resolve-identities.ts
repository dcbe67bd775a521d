import type { EventRecord } from "./event.js";

/** The event that says two ids are one person: `person` is the canonical id, `properties.alias` the other. */
export const IDENTIFY_EVENT = "$identify";

/** One link from an `$identify` event: `person` and `alias` are ids of the same person. */
export type IdentityLink = { person: string; alias: string };

/**
 * The link an `$identify` event carries, or null when it has no usable alias. A number alias
 * counts as its decimal text, because CSV import turns a phone number or a numeric CRM id into a
 * number while the same id as a `person` stays text.
 */
export function identityLinkOf(
  event: Pick<EventRecord, "person" | "event" | "properties">,
): IdentityLink | null {
  if (event.event !== IDENTIFY_EVENT) return null;
  const alias = event.properties.alias;
  const text = typeof alias === "number" && Number.isFinite(alias) ? String(alias) : alias;
  if (typeof text !== "string" || text === "") return null;
  return { person: event.person, alias: text };
}

/**
 * Who each linked id resolves to; ids not in the map are themselves. Links are transitive, so
 * each group of linked ids (found with union-find) becomes one person, represented by one of its
 * ids chosen so the result does not depend on the order of the links: an id that was the `person`
 * of some link (a canonical id) wins over ids that only appeared as aliases, then the smallest
 * in plain string order (UTF-16 code units).
 */
export function resolveLinks(links: IdentityLink[]): Map<string, string> {
  const parent = new Map<string, string>();
  const canonical = new Set<string>();
  /** The group's current root; registers an id seen for the first time as its own group. */
  const root = (id: string): string => {
    let top = id;
    for (let up = parent.get(top); up !== undefined && up !== top; up = parent.get(top)) top = up;
    parent.set(top, top);
    for (let node = id; node !== top; ) {
      const up = parent.get(node) as string;
      parent.set(node, top);
      node = up;
    }
    return top;
  };
  for (const link of links) {
    canonical.add(link.person);
    const a = root(link.person);
    const b = root(link.alias);
    if (a !== b) parent.set(b, a);
  }
  const representative = new Map<string, string>();
  for (const id of parent.keys()) {
    const group = root(id);
    const best = representative.get(group);
    if (best === undefined || isBetterRepresentative(id, best, canonical)) representative.set(group, id);
  }
  const resolved = new Map<string, string>();
  for (const id of parent.keys()) {
    const person = representative.get(root(id)) as string;
    if (person !== id) resolved.set(id, person);
  }
  return resolved;
}

function isBetterRepresentative(id: string, best: string, canonical: Set<string>): boolean {
  const idCanonical = canonical.has(id);
  if (idCanonical !== canonical.has(best)) return idCanonical;
  return id < best;
}

/**
 * The events as every query sees them (docs/analytics.md "Identities"): each under its resolved
 * person, without the `$identify` events themselves. The reference engine takes events resolved
 * this way; the DuckDB store resolves on its own (src/analytics/duckdb/identity-links.ts).
 */
export function resolveIdentities(events: EventRecord[]): EventRecord[] {
  const links = events.flatMap((event) => identityLinkOf(event) ?? []);
  const resolved = resolveLinks(links);
  return events
    .filter((event) => event.event !== IDENTIFY_EVENT)
    .map((event) => {
      const person = resolved.get(event.person);
      return person === undefined ? event : { ...event, person };
    });
}
