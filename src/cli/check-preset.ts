import { PRESETS, type Preset } from "../analytics/import/read-event-file.js";
import { UsageError } from "./usage-error.js";

/** What each `--preset` reads, for the commands' help (details: src/cli/README.md). */
export const PRESET_HELP = `
Presets (--preset NAME) read real exports as they are; --map is not needed with them:
  xes        IEEE XES process-mining logs (trace = person, concept:name = event)
  ga4        GA4 BigQuery export, JSON lines (or a flattened CSV): user_id over user_pseudo_id
  metrica    Yandex Metrica Logs API TSV, hits (ym:pv:*) or visits (ym:s:*): clientID = person
  segment    Segment / RudderStack / PostHog / Mixpanel JSON lines: track, page, identify
  amocrm     amoCRM/Kommo deal export (CSV or XLSX): deal created, stage, won, lost
  bitrix24   Bitrix24 deal export (CSV or XLSX) or crm.deal.list records: the same events
  calltouch  Calltouch call journal or API records: call / missed call by the caller's phone
  comagic    CoMagic/UIS call report or API records: call / missed call / outgoing call
  roistat    Roistat call export or API records: call / missed call, the visit linked
Wall-clock times without an offset in Russian exports are read as Moscow time (UTC+3).
`;

/** The `--preset` of an event-reading command, checked against the presets this version knows. */
export function checkPreset(preset: string | undefined): Preset | undefined {
  if (preset === undefined) return undefined;
  const known = PRESETS.find((name) => name === preset);
  if (!known) throw new UsageError(`unknown preset "${preset}"; this version knows: ${PRESETS.join(", ")}`);
  return known;
}
