import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { DuckDBInstance } from "@duckdb/node-api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_MAPPING } from "../import/column-mapping.js";
import { importEventFile } from "../import/import-event-file.js";
import { EventImportError } from "../import/row-problems.js";
import { DuckDbEventStore } from "./duckdb-event-store.js";

let dir = "";
let count = 0;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "tropa-bulk-parquet-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const options = { mapping: DEFAULT_MAPPING, skipInvalid: false, source: "events.parquet" };

type Stored = Record<string, unknown>;

/** Writes `select` as `<dir>/name` (DuckDB COPY) and a gzipped copy, which only the JS reader takes. */
async function writeParquet(name: string, select: string): Promise<{ parquet: string; gz: string }> {
  const parquet = path.join(dir, name);
  const instance = await DuckDBInstance.create(":memory:");
  const connection = await instance.connect();
  await connection.run(`COPY (${select}) TO '${parquet}' (FORMAT parquet)`);
  connection.closeSync();
  instance.closeSync();
  const gz = `${parquet}.gz`;
  await writeFile(gz, gzipSync(await readFile(parquet)));
  return { parquet, gz };
}

/** Every stored row, straight from the DuckDB file. */
async function storedRows(storeDir: string): Promise<Stored[]> {
  const instance = await DuckDBInstance.create(path.join(storeDir, "events.duckdb"));
  const connection = await instance.connect();
  const reader = await connection.runAndReadAll(`
    SELECT person, epoch_ms(time)::BIGINT::VARCHAR AS time, event, properties::VARCHAR AS properties,
           source, id
    FROM raw_events ORDER BY ALL`);
  const rows = reader.getRowObjectsJS();
  connection.closeSync();
  instance.closeSync();
  return rows;
}

/** Imports the rows of `select` in bulk (asserting the bulk path took them) and through the JS reader. */
async function importBothWays(select: string): Promise<{ bulk: Stored[]; js: Stored[] }> {
  count += 1;
  const { parquet, gz } = await writeParquet(`events-${count}.parquet`, select);
  const bulkDir = path.join(dir, `bulk-${count}`);
  const jsDir = path.join(dir, `js-${count}`);
  const bulkStore = await DuckDbEventStore.open(bulkDir);
  const result = await bulkStore.importParquetInBulk({ file: parquet, name: "events.parquet", ...options });
  bulkStore.close();
  expect(result, "the bulk path took the file").toBeDefined();
  const jsStore = await DuckDbEventStore.open(jsDir);
  await importEventFile(jsStore, gz, options);
  jsStore.close();
  return { bulk: await storedRows(bulkDir), js: await storedRows(jsDir) };
}

describe("bulk Parquet import into DuckDB", () => {
  it("stores exactly what the JS reader stores: times, numbers, text, booleans, nulls, ids, repeats", async () => {
    const { bulk, js } = await importBothWays(`
      SELECT * FROM (VALUES
        (' u1 ', TIMESTAMP '2024-06-01 10:00:00.123', 'visit', 'web', 10.0::DOUBLE, 7, true, NULL),
        ('u1', TIMESTAMP '2024-06-01 10:00:05', ' pay ', 'say "hi"', 59.99, -3, false, 'e-1'),
        ('u2', TIMESTAMP '2024-06-01 10:00:05', 'visit', 'Почта 😀', -0.0, NULL, NULL, ''),
        ('u2', TIMESTAMP '2024-06-01 10:00:05', 'visit', '', 0.000001, 0, NULL, NULL),
        ('u3', TIMESTAMP '2024-06-01 10:00:05', 'visit', 'tab\tand\\slash', NULL, 123456789012345, NULL, NULL),
        ('u3', TIMESTAMP '2024-06-01 10:00:05', 'visit', 'tab\tand\\slash', NULL, 123456789012345, NULL, NULL),
        ('u4', TIMESTAMP '2024-06-02 00:00:00', 'visit', NULL, 1.5, NULL, NULL, 'dup'),
        ('u4', TIMESTAMP '2024-06-03 00:00:00', 'pay', NULL, 2.5, NULL, NULL, 'dup')
      ) AS t(person, time, event, channel, revenue, n, flag, id)`);
    expect(bulk).toHaveLength(7);
    expect(bulk).toEqual(js);
  });

  it("reads dates and decimals, and re-importing through the JS reader adds nothing", async () => {
    const select = `SELECT 'p' || (i % 5) AS person, DATE '2024-06-01' + CAST(i % 3 AS INTEGER) AS time,
      CASE WHEN i % 2 = 0 THEN 'visit' ELSE 'pay' END AS event, i % 4 AS plan,
      CAST(i * 1.25 AS DECIMAL(10, 2)) AS price, CAST(i / 3 AS DECIMAL(18, 6)) AS share FROM range(40) r(i)`;
    const { bulk, js } = await importBothWays(select);
    expect(bulk).toHaveLength(40);
    expect(bulk).toEqual(js);
    const { parquet, gz } = await writeParquet("again.parquet", select);
    const store = await DuckDbEventStore.open(":memory:");
    expect(await importEventFile(store, parquet, options)).toMatchObject({ inserted: 40, duplicates: 0 });
    expect(await importEventFile(store, gz, options)).toMatchObject({ inserted: 0, duplicates: 40 });
    expect(await importEventFile(store, parquet, options)).toMatchObject({ inserted: 0, duplicates: 40 });
    store.close();
  });

  it("leaves a bad row to the JS reader, which reports file:row:column, and stores nothing", async () => {
    const { parquet } = await writeParquet(
      "bad.parquet",
      `SELECT * FROM (VALUES ('u1', TIMESTAMP '2024-06-01', 'visit'), ('', TIMESTAMP '2024-06-01', 'visit'),
        ('u3', NULL, 'pay')) AS t(person, time, event)`,
    );
    const store = await DuckDbEventStore.open(":memory:");
    const request = { file: parquet, name: "bad.parquet", ...options };
    expect(await store.importParquetInBulk(request)).toBeUndefined();
    const error = await importEventFile(store, parquet, options).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EventImportError);
    expect((error as EventImportError).problems.map((p) => p.location)).toEqual([
      "bad.parquet:2:1",
      "bad.parquet:3:2",
    ]);
    expect(await store.countEvents()).toBe(0);
    store.close();
  });

  it("leaves uncommon layouts to the JS reader, and still imports them", async () => {
    const cases = {
      "epoch.parquet": "SELECT 'u1' AS person, 1717236000 AS time, 'visit' AS event",
      "props.parquet": `SELECT 'u1' AS person, TIMESTAMP '2024-06-01' AS time, 'visit' AS event, '{"a":1}' AS properties`,
      "tiny.parquet": "SELECT 'u1' AS person, TIMESTAMP '2024-06-01' AS time, 'visit' AS event, 1e-7 AS x",
      "list.parquet": "SELECT 'u1' AS person, TIMESTAMP '2024-06-01' AS time, 'visit' AS event, [1, 2] AS x",
    };
    for (const [name, select] of Object.entries(cases)) {
      const { parquet } = await writeParquet(name, select);
      const store = await DuckDbEventStore.open(":memory:");
      const request = { file: parquet, name, ...options };
      expect(await store.importParquetInBulk(request), name).toBeUndefined();
      expect(await store.countEvents(), name).toBe(0);
      expect(await importEventFile(store, parquet, options), name).toMatchObject({ inserted: 1 });
      store.close();
    }
  });
});
