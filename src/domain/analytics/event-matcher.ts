import { z } from "zod";

/** A top-level key of an event's `properties`; quotes are refused so it is always a valid JSON path. */
const propertyName = z
  .string()
  .min(1, "must not be empty")
  .max(200)
  .refine((name) => !name.includes('"'), 'must not contain "');

const scalar = z.union([z.string(), z.number().finite(), z.boolean()]);

/**
 * One condition on a property. A missing property matches nothing. `equals`/`in` compare strings
 * with strings, booleans with booleans and numbers numerically (a numeric string such as "10.5"
 * counts as a number); `contains` and `regex` look at string values only.
 */
export const propertyConditionSchema = z.discriminatedUnion("op", [
  z.object({ property: propertyName, op: z.literal("equals"), value: scalar }),
  z.object({ property: propertyName, op: z.literal("in"), value: z.array(scalar).min(1).max(1000) }),
  z.object({ property: propertyName, op: z.literal("contains"), value: z.string().min(1) }),
  z.object({ property: propertyName, op: z.literal("regex"), value: z.string().min(1).max(1000) }),
  z.object({ property: propertyName, op: z.enum(["gt", "gte", "lt", "lte"]), value: z.number().finite() }),
]);
export type PropertyCondition = z.infer<typeof propertyConditionSchema>;

/** Which events a step (or an exclusion) stands for: the event name and every condition. */
export const eventMatcherSchema = z.object({
  event: z.string().min(1, "must not be empty").max(512),
  where: z.array(propertyConditionSchema).max(50).default([]),
});
export type EventMatcher = z.infer<typeof eventMatcherSchema>;
