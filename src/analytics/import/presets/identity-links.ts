import type { PresetEvent } from "./preset-event.js";

/** The event that links identities (see the identity rule in docs/analytics.md). */
export const IDENTIFY_EVENT = "$identify";

/**
 * Emits one `$identify` event per pair of ids of one person met in a file: `person` is the
 * canonical id (a logged-in user id, a phone) and `properties.alias` the other one (a cookie id, a
 * web client id). The id makes the same link from another file or a re-import a duplicate.
 */
export class IdentityLinks {
  private readonly seen = new Set<string>();

  constructor(private readonly preset: string) {}

  link(person: string, alias: string, time: number): PresetEvent[] {
    if (person === "" || alias === "" || alias === person) return [];
    const key = `${person}\u0000${alias}`;
    if (this.seen.has(key)) return [];
    this.seen.add(key);
    return [
      {
        person,
        time,
        event: IDENTIFY_EVENT,
        properties: { alias, via: this.preset },
        id: `${IDENTIFY_EVENT}:${person}:${alias}`,
      },
    ];
  }

  /** Links every alias in `aliases` to `person`. */
  linkAll(person: string, aliases: readonly string[], time: number): PresetEvent[] {
    return aliases.flatMap((alias) => this.link(person, alias, time));
  }
}
