import type { Card } from "../../domain/journey-map.js";
import type { CardPatch } from "../../domain/map-operations.js";
import { mergeText } from "./merge-text.js";

/**
 * A card form's patch, made against the card as it was when the form opened (`base`), replayed on the
 * card as it is now (`current`): fields the form did not touch are not in the patch, so someone else's
 * change to them stays; free-text fields both people changed are merged.
 */
export function rebaseCardPatch(patch: CardPatch, base: Card, current: Card): CardPatch {
  const rebased = { ...patch };
  if (patch.text !== undefined) rebased.text = mergeText(base.text, patch.text, current.text);
  if (patch.evidenceNote !== undefined) {
    rebased.evidenceNote = mergeText(base.evidenceNote, patch.evidenceNote, current.evidenceNote);
  }
  return rebased;
}
