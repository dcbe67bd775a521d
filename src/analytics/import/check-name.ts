import { MAX_NAME_LENGTH } from "./event-batches.js";

/** A person, event or id must be non-empty and fit the schema. */
export function validName(value: string): boolean {
  return value !== "" && value.length <= MAX_NAME_LENGTH;
}

export function nameProblem(part: string, value: string): string {
  return value === "" ? `${part} is empty` : `${part} is longer than ${MAX_NAME_LENGTH} characters`;
}
