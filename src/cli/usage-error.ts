/** A command called the wrong way (missing or bad option): exits with code 2, like commander's own errors. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}
