import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadConfig } from "./config.js";

describe("loadConfig", () => {
  it("uses the defaults when nothing is set", () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 3000,
      host: undefined,
      dataDir: path.resolve("./data"),
      databaseUrl: undefined,
      maxBodyBytes: 5 * 1024 * 1024,
    });
  });

  it("reads every setting", () => {
    const config = loadConfig({
      PORT: "8080",
      HOST: "127.0.0.1",
      DATA_DIR: "/var/lib/tropa",
      DATABASE_URL: "postgresql://tropa@db/tropa",
      MAX_BODY_BYTES: "2048",
      UNRELATED: "ignored",
    });
    expect(config).toMatchObject({
      port: 8080,
      host: "127.0.0.1",
      dataDir: "/var/lib/tropa",
      databaseUrl: "postgresql://tropa@db/tropa",
      maxBodyBytes: 2048,
    });
  });

  it("treats empty variables as unset", () => {
    expect(loadConfig({ PORT: "", DATABASE_URL: "" })).toMatchObject({ port: 3000, databaseUrl: undefined });
  });

  it("fails naming the variable", () => {
    expect(() => loadConfig({ PORT: "eighty" })).toThrow(/^invalid setting PORT: must be a whole number/);
    expect(() => loadConfig({ PORT: "70000" })).toThrow("invalid setting PORT: must be between 0 and 65535");
    expect(() => loadConfig({ DATABASE_URL: "mysql://x" })).toThrow(
      "invalid setting DATABASE_URL: must start with postgres:// or postgresql://",
    );
    expect(() => loadConfig({ MAX_BODY_BYTES: "12" })).toThrow(
      "invalid setting MAX_BODY_BYTES: must be at least 1024 bytes",
    );
  });

  it("reads the account settings, with secure cookies for an https public URL", () => {
    expect(loadConfig({})).toMatchObject({
      publicUrl: undefined,
      cookieSecure: false,
      sessionDays: 30,
      smtpUrl: undefined,
    });
    expect(
      loadConfig({
        PUBLIC_URL: "https://tropa.example.com/",
        SESSION_DAYS: "7",
        SMTP_URL: "smtps://tropa:secret@mail.example.com:465",
      }),
    ).toMatchObject({
      publicUrl: "https://tropa.example.com",
      cookieSecure: true,
      sessionDays: 7,
      smtpUrl: "smtps://tropa:secret@mail.example.com:465",
    });
    expect(loadConfig({ PUBLIC_URL: "http://tropa.lan", COOKIE_SECURE: "true" }).cookieSecure).toBe(true);
  });

  it("fails on a malformed account setting, naming it", () => {
    expect(() => loadConfig({ PUBLIC_URL: "tropa.example.com" })).toThrow(
      /^invalid setting PUBLIC_URL: must be an http:\/\/ or https:\/\/ URL/,
    );
    expect(() => loadConfig({ COOKIE_SECURE: "yes" })).toThrow(
      "invalid setting COOKIE_SECURE: must be true or false",
    );
    expect(() => loadConfig({ SESSION_DAYS: "0" })).toThrow(
      "invalid setting SESSION_DAYS: must be between 1 and 365 days",
    );
    expect(() => loadConfig({ SESSION_DAYS: "400" })).toThrow(
      "invalid setting SESSION_DAYS: must be between 1 and 365 days",
    );
    expect(() => loadConfig({ SMTP_URL: "mail.example.com" })).toThrow(
      /^invalid setting SMTP_URL: must be an smtp:\/\/ or smtps:\/\/ URL/,
    );
  });

  it("sends mail from MAIL_FROM, else from Tropa at the public host", () => {
    expect(loadConfig({}).mailFrom).toBe("Tropa <tropa@localhost>");
    expect(loadConfig({ PUBLIC_URL: "https://tropa.example.com:8443/app" }).mailFrom).toBe(
      "Tropa <tropa@tropa.example.com>",
    );
    expect(loadConfig({ MAIL_FROM: "noreply@example.com" }).mailFrom).toBe("noreply@example.com");
    expect(loadConfig({ MAIL_FROM: " Team Tropa <team@example.com> " }).mailFrom).toBe(
      "Team Tropa <team@example.com>",
    );
  });

  it("fails on a MAIL_FROM that is not an address, naming it", () => {
    for (const bad of ["tropa", "Tropa <tropa>", "a@b.c, d@e.f", "Tropa <a@b.c>\r\nBcc: x@y.z", "<>"]) {
      expect(() => loadConfig({ MAIL_FROM: bad }), bad).toThrow(
        /^invalid setting MAIL_FROM: must be an email address, optionally with a name/,
      );
    }
  });
});
