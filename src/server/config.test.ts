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
});
