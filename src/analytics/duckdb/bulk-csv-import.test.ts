import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { DuckDBInstance } from "@duckdb/node-api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_MAPPING } from "../import/column-mapping.js";
import { importEventFile } from "../import/import-event-file.js";
import { EventImportError } from "../import/row-problems.js";
import { mayHavePaddedFields } from "./csv-field-edges.js";
import { DuckDbEventStore } from "./duckdb-event-store.js";

let dir = "";
let count = 0;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "tropa-bulk-csv-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const options = { mapping: DEFAULT_MAPPING, skipInvalid: false, source: "events.csv" };

type Stored = Record<string, unknown>;

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

async function writeCsv(name: string, text: string): Promise<{ csv: string; gz: string }> {
  const csv = path.join(dir, name);
  await writeFile(csv, text);
  // The same bytes gzipped never qualify for the bulk path: the JS reader imports them.
  const gz = `${csv}.gz`;
  await writeFile(gz, gzipSync(Buffer.from(text)));
  return { csv, gz };
}

/** Imports `text` in bulk (asserting the bulk path took it) and through the JS reader; returns both. */
async function importBothWays(text: string): Promise<{ bulk: Stored[]; js: Stored[] }> {
  count += 1;
  const { csv, gz } = await writeCsv(`events-${count}.csv`, text);
  const bulkDir = path.join(dir, `bulk-${count}`);
  const jsDir = path.join(dir, `js-${count}`);
  const bulkStore = await DuckDbEventStore.open(bulkDir);
  const result = await bulkStore.importCsvInBulk({ file: csv, name: "events.csv", ...options });
  bulkStore.close();
  expect(result, "the bulk path took the file").toBeDefined();
  const jsStore = await DuckDbEventStore.open(jsDir);
  await importEventFile(jsStore, gz, options);
  jsStore.close();
  return { bulk: await storedRows(bulkDir), js: await storedRows(jsDir) };
}

const TRICKY = [
  "",
  "  padded  ",
  "\u00a0nbsp\u00a0",
  "42",
  "-7",
  "007",
  "0",
  "-0",
  "1.5",
  "2.50",
  '"1,5"',
  '"54 990,00"',
  "54\u00a0990",
  "1 000",
  "3.14159265358979",
  "0.000001",
  "123456789012345",
  "99999999999999.99",
  "1e3",
  "1.2.3",
  "+7 999 123-45-67",
  "Привет",
  "日本語 😀",
  '"say ""hi"""',
  '"multi\nline"',
  '"back\\slash"',
  "tab\tinside",
  "true",
  "null",
];

function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state / 2 ** 32;
  };
}

describe("bulk CSV import into DuckDB", () => {
  it("stores exactly what the JS reader stores: times, numbers, text, ids, repeats", async () => {
    const text = [
      "person,time,event,channel,amount,id,channel",
      "u1,2024-06-01T10:00:00Z,visit,web,10,,a",
      "u1,2024-06-01 10:00:05.123+03:00,signup, email ,1.5,e-1,",
      'u1,2024-06-01T10:00:05,pay,web,"2,50",,',
      "u2,1717236000,visit,ads,0,,",
      "u2,1717236000123,visit,ads,-0,,",
      'u2,1717236000123456,visit,ads,"54 990,00",,',
      "u3,01.06.2024,visit,Почта,,,",
      "u3,1.6.2024 9:05,visit,Почта,,,",
      'u3,2024-06-01t10:00z,visit,"a, b",,,',
      "u3,2024-06-01T10:00:00.5-0130,visit,x,,,",
      "u3,2024-06-01,visit,x,,,",
      "u4,2024-06-01,visit,x,,,",
      "u4,2024-06-01,visit,x,,,",
      "u4,2024-06-01,visit,x,,dup,",
      "u4,2024-06-02,visit,y,,dup,",
      "",
      ' u5 ,2024-02-29T23:59:59.999Z, visit ,"q""uote",1e3,,',
    ].join("\r\n");
    const { bulk, js } = await importBothWays(text);
    expect(bulk).toHaveLength(15);
    expect(bulk).toEqual(js);
  });

  it("agrees with the JS reader on 2,000 rows of tricky cells", async () => {
    const random = seeded(7);
    const pick = <T>(items: T[]): T => items[Math.floor(random() * items.length)] as T;
    const lines = ["person,time,event,a,b,c"];
    for (let i = 0; i < 2000; i++) {
      const time = pick(["2024-06-01T10:00:00Z", "1717236000", "15.03.2024 10:30", "2024-06-01 10:00:00.25"]);
      lines.push(
        [`p${i % 97}`, time, pick(["visit", "pay"]), pick(TRICKY), pick(TRICKY), pick(TRICKY)].join(","),
      );
    }
    const { bulk, js } = await importBothWays(`${lines.join("\n")}\n`);
    expect(bulk.length).toBeGreaterThan(1900);
    expect(bulk).toEqual(js);
  });

  it("takes cells as read_csv gives them when no field is padded, and trims when one is, even the last", async () => {
    const random = seeded(11);
    // Quoted cells too ("1,5", a line break inside); a space next to a quote looks like padding to the scan.
    const plain = TRICKY.filter((cell) => cell === cell.trim() && !/\s"|"\s/.test(cell));
    const pick = <T>(items: T[]): T => items[Math.floor(random() * items.length)] as T;
    const lines = ["person;time;event;a;b"];
    for (let i = 0; i < 2000; i++) {
      const time = pick(["2024-06-01T10:00:00Z", "1717236000", "2024-06-01 10:00:00", "01.06.2024"]);
      lines.push([`p${i % 97}`, time, pick(["visit", "Заявка"]), pick(plain), pick(plain)].join(";"));
    }
    const { csv } = await writeCsv("unpadded.csv", `${lines.join("\n")}\n`);
    expect(await mayHavePaddedFields(csv, ";", lines[0]?.length ?? 0), "the trim-free path").toBe(false);
    const unpadded = await importBothWays(`${lines.join("\n")}\n`);
    expect(unpadded.bulk).toHaveLength(2000);
    expect(unpadded.bulk).toEqual(unpadded.js);
    const padded = await importBothWays(`${lines.join("\n")}\nu9;2024-06-01;visit;x;y\u3000`);
    expect(padded.bulk).toHaveLength(2001);
    expect(padded.bulk).toEqual(padded.js);
    expect(padded.bulk).toContainEqual(
      expect.objectContaining({ person: "u9", properties: '{"a":"x","b":"y"}' }),
    );
  });

  it("scans from the first line break of any kind: old Mac \\r lines with a padded cell", async () => {
    const lines = ["person,time,event,note", "u1,2024-06-01, visit,x", 'u2,2024-06-02,pay,"a\nb"'];
    const { bulk, js } = await importBothWays(`${lines.join("\r")}\r`);
    expect(bulk).toHaveLength(2);
    expect(bulk).toEqual(js);
  });

  it("re-importing the file through the JS reader adds nothing", async () => {
    const { csv, gz } = await writeCsv(
      "again.csv",
      "person,time,event,plan\nu1,2024-06-01,visit,pro\nu1,2024-06-01,visit,pro\n",
    );
    const store = await DuckDbEventStore.open(":memory:");
    expect(await importEventFile(store, csv, options)).toMatchObject({ inserted: 2, duplicates: 0 });
    expect(await importEventFile(store, gz, options)).toMatchObject({ inserted: 0, duplicates: 2 });
    store.close();
  });

  it("reads lower-case t and z, padded times and impossible dates like the JS reader", async () => {
    const { bulk, js } = await importBothWays(
      "person,time,event\nu1,2024-06-01t10:00:00z,visit\nu2,2024-06-01 10:00:00,visit\nu3, 1717236000 ,visit\n",
    );
    expect(bulk).toHaveLength(3);
    expect(bulk).toEqual(js);
    const { csv } = await writeCsv("impossible.csv", "person,time,event\nu1,2024-02-30T10:00:00Z,visit\n");
    const store = await DuckDbEventStore.open(":memory:");
    const error = await importEventFile(store, csv, options).catch((e: unknown) => e);
    expect(String(error)).toContain("impossible.csv:2:4:");
    store.close();
  });

  it("reports a bad row as file:line:column: reason, like the JS reader, and stores nothing", async () => {
    const text = "person,time,event\nu1,2024-06-01,visit\nu2,yesterday,visit\n,2024-06-01,pay\n";
    const { csv } = await writeCsv("bad.csv", text);
    const store = await DuckDbEventStore.open(":memory:");
    const error = await importEventFile(store, csv, options).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EventImportError);
    expect((error as EventImportError).problems.map((p) => `${p.location}: ${p.reason}`)).toEqual([
      'bad.csv:3:4: time "yesterday" is not a date or time; expected ISO 8601, DD.MM.YYYY[ HH:MM[:SS]] or epoch seconds/milliseconds',
      "bad.csv:4:1: person is empty",
    ]);
    expect(await store.countEvents()).toBe(0);
    store.close();
  });

  it("leaves a quote after spaces to the JS reader, which reads it as text, like Excel", async () => {
    const { csv } = await writeCsv("space-quote.csv", 'person,time,event,note\nu1,2024-06-01,visit, "a,b"\n');
    const store = await DuckDbEventStore.open(":memory:");
    const error = await importEventFile(store, csv, options).catch((e: unknown) => e);
    expect(String(error)).toContain("space-quote.csv:2:21: 5 fields, but the header has 4");
    store.close();
  });

  it("leaves to the JS reader what read_csv would read differently, and still imports it", async () => {
    const cases = {
      "windows-1251.csv": Buffer.from([
        ...Buffer.from("person,time,event\nu1,2024-06-01,"),
        0xc2,
        0xf5,
        0xee,
        0xe4,
        0x0a,
      ]),
      "tiny-number.csv": "person,time,event,x\nu1,2024-06-01,visit,0.0000001\n",
      "index-key.csv": "person,time,event,2024\nu1,2024-06-01,visit,yes\n",
      // JSON.stringify writes \u001f where DuckDB writes \u001F.
      "control-character.csv": "person,time,event,x\nu1,2024-06-01,visit,a\u001fb\n",
    };
    for (const [name, content] of Object.entries(cases)) {
      const file = path.join(dir, name);
      await writeFile(file, content);
      const store = await DuckDbEventStore.open(":memory:");
      const request = { file, name, source: name, mapping: DEFAULT_MAPPING };
      expect(await store.importCsvInBulk(request), name).toBeUndefined();
      expect(await store.countEvents(), name).toBe(0);
      expect(await importEventFile(store, file, options), name).toMatchObject({ inserted: 1 });
      store.close();
    }
  });
});
