import { TropaError } from "../../domain/errors.js";

/** A capture request without a valid workspace write key. */
export class UnauthorizedError extends TropaError {
  constructor(message: string) {
    super("unauthorized", 401, message);
  }
}
