import type { z } from "zod";
import { ValidationError } from "../domain/errors.js";

/** Parses a query, turning the first problem into a ValidationError that names the field. */
export function validQuery<T extends z.ZodType>(schema: T, input: unknown): z.infer<T> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw ValidationError.fromZod(parsed.error, "query");
  return parsed.data;
}
