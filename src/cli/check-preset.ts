import { PRESETS, type Preset } from "../analytics/import/read-event-file.js";
import { UsageError } from "./usage-error.js";

/** The `--preset` of an event-reading command, checked against the presets this version knows. */
export function checkPreset(preset: string | undefined): Preset | undefined {
  if (preset === undefined) return undefined;
  const known = PRESETS.find((name) => name === preset);
  if (!known) throw new UsageError(`unknown preset "${preset}"; this version knows: ${PRESETS.join(", ")}`);
  return known;
}
