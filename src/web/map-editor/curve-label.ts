/** The label the app gives a curve: "Anna · To-be", or just the state without a persona. */
export function autoCurveLabel(personaName: string | undefined, stateName: string): string {
  return personaName ? `${personaName} · ${stateName}` : stateName;
}

/**
 * The label after the curve's persona or state changed: a label the app wrote (or none) follows the
 * change, a label the user typed stays.
 */
export function relabelCurve(label: string, before: string, after: string): string {
  return label === "" || label === before ? after : label;
}
