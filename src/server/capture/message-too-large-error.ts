import { TropaError } from "../../domain/errors.js";

/** One capture message over the per-message limit; the request stores nothing. */
export class MessageTooLargeError extends TropaError {
  constructor(location: string, limitBytes: number) {
    super(
      "payload_too_large",
      413,
      `${location}: the message is larger than the ${limitBytes} byte limit per message; send less in its properties`,
      location,
    );
  }
}
