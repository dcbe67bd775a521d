import type { z } from "zod";
import { ValidationError } from "./errors.js";

/**
 * Parses one value with a schema and turns a failure into a ValidationError naming `where`,
 * e.g. `validateInput(nameSchema, "", "name")` throws `name: must not be empty`.
 */
export function validateInput<S extends z.ZodType>(schema: S, value: unknown, where: string): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw ValidationError.fromZod(result.error, where);
  return result.data;
}
