import { CommanderError } from "commander";
import { TropaError } from "../domain/errors.js";
import { UsageError } from "./usage-error.js";

export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;

/**
 * Turns any failure into one line on stderr (`tropa: <file>: <where>: <reason>`) and an exit code;
 * people get the message they can act on, never a stack trace.
 */
export function reportError(error: unknown, writeErr: (line: string) => void): number {
  if (error instanceof CommanderError) {
    // Commander has already printed its message through the program's outputError hook.
    return error.exitCode === 0 ? 0 : EXIT_USAGE;
  }
  if (error instanceof UsageError) {
    writeErr(`tropa: ${error.message}\n`);
    return EXIT_USAGE;
  }
  writeErr(`tropa: ${describe(error)}\n`);
  return EXIT_FAILURE;
}

function describe(error: unknown): string {
  if (error instanceof TropaError) return error.message;
  if (isSystemError(error)) return systemMessage(error);
  return `unexpected error: ${error instanceof Error ? error.message : String(error)}`;
}

type SystemError = Error & { code: string; path?: string };

function isSystemError(error: unknown): error is SystemError {
  return error instanceof Error && typeof (error as { code?: unknown }).code === "string";
}

function systemMessage(error: SystemError): string {
  const where = error.path ? `${error.path}: ` : "";
  switch (error.code) {
    case "ENOENT":
      return `${where}no such file or directory`;
    case "EACCES":
    case "EPERM":
      return `${where}permission denied`;
    case "EISDIR":
      return `${where}is a directory, expected a file`;
    case "ECONNREFUSED":
      return `cannot reach the database (${error.message}); check DATABASE_URL`;
    case "EADDRINUSE":
      return `the port is already in use (${error.message}); set PORT to another one`;
    default:
      return `${where}${error.message}`;
  }
}
