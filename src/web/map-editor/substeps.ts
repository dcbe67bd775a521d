/** Sub-steps as stored: trimmed, blank ones (left over from editing) dropped. */
export function tidySubsteps(steps: string[]): string[] {
  return steps.map((step) => step.trim()).filter((step) => step !== "");
}

/** The list with an empty sub-step inserted at `index`, ready to be typed into. */
export function insertSubstep(steps: string[], index: number): string[] {
  return [...steps.slice(0, index), "", ...steps.slice(index)];
}
