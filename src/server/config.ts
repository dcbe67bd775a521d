import path from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { ValidationError } from "../domain/errors.js";

/** Everything the server reads from its environment; this file is the only reader of process.env. */
export interface Config {
  port: number;
  /** Interface to listen on; unset means all interfaces. */
  host: string | undefined;
  dataDir: string;
  /** PostgreSQL instead of the embedded SQLite when set. */
  databaseUrl: string | undefined;
  /**
   * Workspace events in ClickHouse instead of embedded DuckDB files when set: a server
   * (`http(s)://user:password@host:8123`) or `chdb:`, ClickHouse inside this process on `<dataDir>/clickhouse`.
   */
  clickhouseUrl: string | undefined;
  maxBodyBytes: number;
  /** Largest event file an upload to /api/workspaces/:wid/imports may be (streamed to disk, not memory). */
  maxImportBytes: number;
  /** Base of invitation and share links (no trailing slash); unset: derived from the request's Host. */
  publicUrl: string | undefined;
  /** Session cookies carry `Secure`: COOKIE_SECURE=true, or PUBLIC_URL is https. */
  cookieSecure: boolean;
  /** How long a sign-in lasts. */
  sessionDays: number;
  /** Outgoing mail server (smtp:// or smtps://); when set, invitations can also be emailed. */
  smtpUrl: string | undefined;
  /** Sender of Tropa's emails: MAIL_FROM, else `Tropa <tropa@host of PUBLIC_URL, or localhost>`. */
  mailFrom: string;
  /** The built web UI (`npx vite build`); not an environment setting. */
  webDir: string;
}

const MIB = 1024 * 1024;

const envSchema = z.object({
  PORT: z.coerce
    .number({ message: "must be a whole number" })
    .int("must be a whole number")
    .min(0, "must be between 0 and 65535")
    .max(65535, "must be between 0 and 65535")
    .default(3000),
  HOST: z.string().trim().min(1).optional(),
  DATA_DIR: z.string().trim().min(1, "must not be empty").default("./data"),
  DATABASE_URL: z
    .string()
    .trim()
    .regex(/^postgres(ql)?:\/\/.+/, "must start with postgres:// or postgresql://")
    .optional(),
  CLICKHOUSE_URL: z
    .string()
    .trim()
    .refine(isClickHouseUrl, "must be an http:// or https:// URL of a ClickHouse server, or chdb:")
    .optional(),
  MAX_BODY_BYTES: z.coerce
    .number({ message: "must be a whole number of bytes" })
    .int("must be a whole number of bytes")
    .min(1024, "must be at least 1024 bytes")
    .default(5 * MIB),
  MAX_IMPORT_BYTES: z.coerce
    .number({ message: "must be a whole number of bytes" })
    .int("must be a whole number of bytes")
    .min(1024, "must be at least 1024 bytes")
    .default(2 * 1024 * MIB),
  PUBLIC_URL: z
    .string()
    .trim()
    .refine(
      (value) => isUrlWithProtocol(value, ["http:", "https:"]),
      "must be an http:// or https:// URL such as https://tropa.example.com",
    )
    .optional(),
  COOKIE_SECURE: z.enum(["true", "false"], { message: "must be true or false" }).optional(),
  SESSION_DAYS: z.coerce
    .number({ message: "must be a whole number of days" })
    .int("must be a whole number of days")
    .min(1, "must be between 1 and 365 days")
    .max(365, "must be between 1 and 365 days")
    .default(30),
  SMTP_URL: z
    .string()
    .trim()
    .refine(
      (value) => isUrlWithProtocol(value, ["smtp:", "smtps:"]),
      "must be an smtp:// or smtps:// URL such as smtps://user:password@mail.example.com:465",
    )
    .optional(),
  MAIL_FROM: z
    .string()
    .trim()
    .max(300, "must be at most 300 characters")
    .regex(
      /^(?:[^<>@\r\n]*<[^\s<>@]+@[^\s<>@]+>|[^\s<>@]+@[^\s<>@]+)$/,
      "must be an email address, optionally with a name, such as Tropa <tropa@example.com>",
    )
    .optional(),
});

const defaultWebDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../dist/web");

/**
 * Reads and checks the settings once at start-up, so a typo fails right away with the variable's name
 * instead of surfacing later as an odd runtime error. Empty variables count as unset.
 * @example loadConfig(process.env)
 */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const present = Object.fromEntries(
    Object.entries(env).filter(
      ([key, value]) => key in envSchema.shape && value !== undefined && value !== "",
    ),
  );
  const result = envSchema.safeParse(present);
  if (!result.success) {
    const error = ValidationError.fromZod(result.error);
    throw new ValidationError(`invalid setting ${error.message}`, error.location);
  }
  const settings = result.data;
  return {
    port: settings.PORT,
    host: settings.HOST,
    dataDir: path.resolve(settings.DATA_DIR),
    databaseUrl: settings.DATABASE_URL,
    clickhouseUrl: settings.CLICKHOUSE_URL,
    maxBodyBytes: settings.MAX_BODY_BYTES,
    maxImportBytes: settings.MAX_IMPORT_BYTES,
    publicUrl: settings.PUBLIC_URL?.replace(/\/+$/, ""),
    cookieSecure: settings.COOKIE_SECURE === "true" || settings.PUBLIC_URL?.startsWith("https:") === true,
    sessionDays: settings.SESSION_DAYS,
    smtpUrl: settings.SMTP_URL,
    mailFrom: settings.MAIL_FROM ?? defaultMailFrom(settings.PUBLIC_URL),
    webDir: defaultWebDir,
  };
}

/** Mail from the host people reach Tropa at looks least like spam; without PUBLIC_URL there is no better guess. */
function defaultMailFrom(publicUrl: string | undefined): string {
  const host = publicUrl ? new URL(publicUrl).hostname : "localhost";
  return `Tropa <tropa@${host}>`;
}

/** `chdb:` (embedded), or an http(s) URL with a host that `new URL` accepts. */
function isClickHouseUrl(value: string): boolean {
  return value === "chdb:" || isUrlWithProtocol(value, ["http:", "https:"]);
}

function isUrlWithProtocol(value: string, protocols: string[]): boolean {
  if (!URL.canParse(value)) return false;
  const url = new URL(value);
  return protocols.includes(url.protocol) && url.hostname !== "";
}
