import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DuckDbEventStore } from "../duckdb/duckdb-event-store.js";
import { DEFAULT_MAPPING, parseMapping } from "./column-mapping.js";
import { importEventFile } from "./import-event-file.js";
import { EventImportError } from "./row-problems.js";

let dir = "";
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "tropa-parquet-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Writes `select` to `<dir>/name` with DuckDB's COPY … (FORMAT parquet). */
async function writeParquet(name: string, select: string): Promise<string> {
  const file = path.join(dir, name);
  const instance = await DuckDBInstance.create(":memory:");
  const connection = await instance.connect();
  await connection.run(`COPY (${select}) TO '${file}' (FORMAT parquet)`);
  connection.closeSync();
  instance.closeSync();
  return file;
}

describe("Parquet event files", () => {
  it("imports person, time, event, properties, source and id columns; extra columns become properties", async () => {
    const file = await writeParquet(
      "events.parquet",
      `SELECT * FROM (VALUES
        ('u1', TIMESTAMP '2024-06-01 10:00:00.250', 'visit', '{"plan":"pro","n":2}', 'web', 'e1', 'ads'),
        ('u1', TIMESTAMP '2024-06-02 11:00:00', 'pay', NULL, NULL, NULL, NULL),
        ('u2', TIMESTAMP '2024-06-03 12:00:00', 'visit', '{}', 'crm', NULL, 'mail')
      ) t(person, time, event, properties, source, id, channel)`,
    );
    const store = await DuckDbEventStore.open(":memory:");
    const options = { mapping: DEFAULT_MAPPING, skipInvalid: false };
    expect(await importEventFile(store, file, options)).toMatchObject({ inserted: 3, duplicates: 0 });
    expect(await importEventFile(store, file, options)).toMatchObject({ inserted: 0, duplicates: 3 });
    expect(await store.eventCounts()).toEqual([
      { event: "pay", people: 1, events: 1 },
      { event: "visit", people: 2, events: 2 },
    ]);
    expect(await store.lastEventTime()).toBe(Date.UTC(2024, 5, 3, 12));
    const summary = await store.summary();
    expect(summary.sources.map((s) => s.source).sort()).toEqual(["crm", "events.parquet", "web"]);
    const properties = await store.properties("visit");
    expect(properties.map((p) => p.name).sort()).toEqual(["channel", "n", "plan"]);
    store.close();
  });

  it("maps other column names with --map and reads epoch milliseconds", async () => {
    const file = await writeParquet(
      "mapped.parquet",
      `SELECT 'c' || (i % 3) AS user_id, 1717236000000 + i * 1000 AS ts, CASE WHEN i % 2 = 0 THEN 'visit' ELSE 'pay' END AS name
       FROM range(10) r(i)`,
    );
    const store = await DuckDbEventStore.open(":memory:");
    const mapping = parseMapping("person=user_id,time=ts,event=name");
    expect(await importEventFile(store, file, { mapping, skipInvalid: false })).toMatchObject({
      inserted: 10,
    });
    expect(await store.lastEventTime()).toBe(1717236009000);
    expect(await store.eventCounts()).toEqual([
      { event: "pay", people: 3, events: 5 },
      { event: "visit", people: 3, events: 5 },
    ]);
    store.close();
  });

  it("rejects a bad row as file:row:column and stores nothing", async () => {
    const file = await writeParquet(
      "bad.parquet",
      `SELECT * FROM (VALUES ('u1', '2024-06-01', 'visit'), ('', '2024-06-01', 'visit'), ('u3', 'soon', 'pay'))
       t(person, time, event)`,
    );
    const store = await DuckDbEventStore.open(":memory:");
    const error = await importEventFile(store, file, { mapping: DEFAULT_MAPPING, skipInvalid: false }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(EventImportError);
    expect((error as EventImportError).problems.map((p) => `${p.location}: ${p.reason}`)).toEqual([
      "bad.parquet:2:1: person is empty",
      'bad.parquet:3:2: time "soon" is not a date or time; expected ISO 8601, DD.MM.YYYY[ HH:MM[:SS]] or epoch seconds/milliseconds',
    ]);
    expect(await store.countEvents()).toBe(0);
    store.close();
  });
});
