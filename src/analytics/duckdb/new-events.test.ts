import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_MAPPING } from "../import/column-mapping.js";
import { importEventFile } from "../import/import-event-file.js";
import { DuckDbEventStore } from "./duckdb-event-store.js";

let dir = "";
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "tropa-new-events-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const options = { mapping: DEFAULT_MAPPING, skipInvalid: false, source: "events.csv" };

const CSV = [
  "person,time,event,id,plan",
  "u1,2024-06-01T10:00:00Z,visit,,pro",
  "u1,2024-06-01T10:00:00Z,visit,,pro",
  "u1,2024-06-01T10:00:00Z,visit,,pro",
  "u2,2024-06-02T10:00:00Z,signup,e-7,",
  "u2,2024-06-02T11:00:00Z,signup,e-7,",
].join("\n");

/**
 * The rows a store from before numeric keys held after importing CSV: text keys `h:<md5>:<n>` of
 * the same content (person, ms, event, properties text, source joined by NUL) and `id:<id>`.
 */
const OLD_ROWS = `
INSERT INTO raw_events
SELECT person, epoch_ms(ms), event, properties, 'events.csv', id,
       CASE WHEN id IS NOT NULL THEN 'id:' || id
       ELSE 'h:' || md5(concat_ws(chr(0), person, ms, event, properties, 'events.csv')) || ':' || n END
FROM (VALUES ('u1', 1717236000000, 'visit', '{"plan":"pro"}', NULL, 1),
             ('u1', 1717236000000, 'visit', '{"plan":"pro"}', NULL, 2),
             ('u1', 1717236000000, 'visit', '{"plan":"pro"}', NULL, 3),
             ('u2', 1717322400000, 'signup', '{}', 'e-7', 1)) v(person, ms, event, properties, id, n)`;

describe("new events in the DuckDB store", () => {
  it("keeps repeated rows of one file, keeps the first of a repeated id, and adds nothing the second time", async () => {
    const file = path.join(dir, "events.csv");
    await writeFile(file, CSV);
    const store = await DuckDbEventStore.open(path.join(dir, "fresh"));
    expect(await importEventFile(store, file, options)).toMatchObject({ inserted: 4, duplicates: 1 });
    expect(await importEventFile(store, file, options)).toMatchObject({ inserted: 0, duplicates: 5 });
    const more = path.join(dir, "more.csv");
    await writeFile(more, `${CSV}\nu1,2024-06-01T10:00:00Z,visit,,pro\n`);
    expect(await importEventFile(store, more, options)).toMatchObject({ inserted: 1, duplicates: 5 });
    expect(await store.countEvents()).toBe(5);
    store.close();
  });

  it("opens a store from before with text dedupe keys, and importing the same file again adds nothing", async () => {
    const storeDir = path.join(dir, "old");
    await mkdir(storeDir);
    const instance = await DuckDBInstance.create(path.join(storeDir, "events.duckdb"));
    const connection = await instance.connect();
    await connection.run(`CREATE TABLE raw_events (person VARCHAR NOT NULL, time TIMESTAMP_MS NOT NULL,
      event VARCHAR NOT NULL, properties JSON NOT NULL, source VARCHAR NOT NULL, id VARCHAR, dedupe_key VARCHAR NOT NULL)`);
    await connection.run(OLD_ROWS);
    connection.closeSync();
    instance.closeSync();

    const file = path.join(dir, "again.csv");
    await writeFile(file, CSV);
    const store = await DuckDbEventStore.open(storeDir);
    expect(await store.countEvents()).toBe(4);
    expect(await importEventFile(store, file, options)).toMatchObject({ inserted: 0, duplicates: 5 });
    store.close();
  });
});
