import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EventRecord } from "../event.js";
import { DEFAULT_MAPPING, parseMapping } from "./column-mapping.js";
import { openByteSource } from "./open-byte-source.js";
import { readEventFile } from "./read-event-file.js";
import { EventImportError, type RowProblem, RowProblems } from "./row-problems.js";

let dir = "";
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "tropa-events-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function fileWith(name: string, content: string | Uint8Array): Promise<string> {
  const file = path.join(dir, name);
  await writeFile(file, content);
  return file;
}

async function read(
  file: string,
  options: { map?: string; skipInvalid?: boolean; rejected?: RowProblem[] } = {},
): Promise<EventRecord[]> {
  const name = path.basename(file);
  const problems = new RowProblems(name, {
    skipInvalid: options.skipInvalid ?? false,
    onReject: (problem) => options.rejected?.push(problem),
  });
  const events: EventRecord[] = [];
  const bytes = await openByteSource(file);
  const mapping = options.map ? parseMapping(options.map) : DEFAULT_MAPPING;
  for await (const batch of readEventFile(bytes, { file: name, source: name, mapping, problems })) {
    events.push(...batch);
  }
  return events;
}

async function failure(file: string, options: { map?: string } = {}): Promise<string> {
  const error = await read(file, options).then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof Error)) throw new Error("expected the read to fail");
  return error.message;
}

const cp1251 = (text: string): Uint8Array => {
  // Windows-1251 maps U+0410..U+044F to 0xC0..0xFF; the sample needs nothing else beyond ASCII.
  return Uint8Array.from(
    [...text].map((ch) => {
      const code = ch.charCodeAt(0);
      return code >= 0x410 && code <= 0x44f ? code - 0x410 + 0xc0 : code;
    }),
  );
};

describe("CSV events", () => {
  it("reads a Russian Excel export: Windows-1251, `;`, DD.MM.YYYY and decimal commas", async () => {
    const text =
      "Клиент;Дата;Событие;Сумма;Канал\r\nанна;01.06.2024 12:30;визит;1,5;яндекс\r\nборис;02.06.2024;покупка;54 990,00;\r\n";
    const file = await fileWith("ru.csv", cp1251(text));
    const events = await read(file, { map: "person=Клиент,time=Дата,event=Событие" });
    expect(events).toEqual([
      {
        person: "анна",
        time: Date.UTC(2024, 5, 1, 12, 30),
        event: "визит",
        properties: { Сумма: 1.5, Канал: "яндекс" },
        source: "ru.csv",
        id: null,
      },
      {
        person: "борис",
        time: Date.UTC(2024, 5, 2),
        event: "покупка",
        properties: { Сумма: 54990 },
        source: "ru.csv",
        id: null,
      },
    ]);
  });

  it("reads UTF-8 with a BOM, commas, quoted fields, ISO and epoch times and an id column", async () => {
    const text =
      '\uFEFFid,person,time,event,url\n1,p1,2024-06-01T10:00:00+03:00,visit,"https://x.ru/?a=1,2"\n2,p1,1717236000,"sign ""up""",\n3,p2,1717236000123,pay,00123\n';
    const events = await read(await fileWith("bom.csv", text));
    expect(events.map((e) => [e.id, e.person, e.time, e.event, e.properties])).toEqual([
      ["1", "p1", Date.UTC(2024, 5, 1, 7), "visit", { url: "https://x.ru/?a=1,2" }],
      ["2", "p1", 1717236000000, 'sign "up"', {}],
      ["3", "p2", 1717236000123, "pay", { url: "00123" }],
    ]);
  });

  it("reads tab-separated files", async () => {
    const events = await read(await fileWith("log.tsv", "person\ttime\tevent\na\t2024-01-02 03:04:05\tx\n"));
    expect(events.map((e) => e.time)).toEqual([Date.UTC(2024, 0, 2, 3, 4, 5)]);
  });

  it("names file, line and column of each bad row, and reads nothing", async () => {
    const text =
      "person,time,event\na,2024-01-01,ok\nb,31.02.2024,x\n,2024-01-01,y\nc,2024-01-01\nd,2024-01-01,\n";
    const message = await failure(await fileWith("bad.csv", text));
    expect(message.split("\n")).toEqual([
      'bad.csv:3:3: time "31.02.2024" is not a date or time; expected ISO 8601, DD.MM.YYYY[ HH:MM[:SS]] or epoch seconds/milliseconds',
      "bad.csv:4:1: person is empty",
      "bad.csv:5:3: 2 fields, but the header has 3",
      "bad.csv:6:14: event is empty",
      "nothing was imported; fix these rows or use --skip-invalid to import the valid ones",
    ]);
  });

  it("points at an unclosed quote and at a missing column", async () => {
    expect(await failure(await fileWith("quote.csv", 'person,time,event\na,2024-01-01,"x\n'))).toMatch(
      /^quote\.csv:2:14: a quoted field is never closed\n/,
    );
    expect(await failure(await fileWith("cols.csv", "user,time,event\n"))).toBe(
      'cols.csv:1:1: no "person" column in the header (user, time, event); name the person column with --map person=COLUMN',
    );
  });

  it("with skip-invalid hands the bad rows over with their reasons and keeps the good ones", async () => {
    const rejected: RowProblem[] = [];
    const text = "person,time,event\na,2024-01-01,ok\nb,soon,x\n";
    const events = await read(await fileWith("skip.csv", text), { skipInvalid: true, rejected });
    expect(events.map((e) => e.person)).toEqual(["a"]);
    expect(rejected).toEqual([
      {
        location: "skip.csv:3:3",
        reason: expect.stringMatching(/^time "soon" is not a date/),
        row: { person: "b", time: "soon", event: "x" },
      },
    ]);
  });

  it("stops after ten bad rows", async () => {
    const rows = Array.from({ length: 50 }, (_, i) => `p${i},never,x`).join("\n");
    const error = await read(await fileWith("many.csv", `person,time,event\n${rows}\n`)).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(EventImportError);
    expect((error as EventImportError).problems).toHaveLength(10);
  });
});

describe("NDJSON events", () => {
  it("reads one object per line, with properties and other fields as properties", async () => {
    const text =
      '{"person":"a","time":"2024-06-01T00:00:00Z","event":"visit","properties":{"utm_source":"yandex"},"revenue":10}\n\n{"person":42,"time":1717200000000,"event":"pay","id":"m-1"}\n';
    const events = await read(await fileWith("e.ndjson", text));
    expect(events).toEqual([
      {
        person: "a",
        time: Date.UTC(2024, 5, 1),
        event: "visit",
        properties: { utm_source: "yandex", revenue: 10 },
        source: "e.ndjson",
        id: null,
      },
      { person: "42", time: 1717200000000, event: "pay", properties: {}, source: "e.ndjson", id: "m-1" },
    ]);
  });

  it("names the line and column of broken JSON and missing fields", async () => {
    const text = '{"person":"a","time":1,"event":"x"}\n{"person":"b",,}\n{"time":1,"event":"x"}\n';
    const lines = (await failure(await fileWith("bad.jsonl", text))).split("\n");
    expect(lines[0]).toMatch(/^bad\.jsonl:2:15: invalid JSON/);
    expect(lines[1]).toBe("bad.jsonl:3:1: person is empty");
  });
});

const XES = `<?xml version="1.0" encoding="UTF-8" ?>
<log xes.version="1.0">
  <global scope="event"><string key="concept:name" value="__INVALID__"/></global>
  <trace>
    <string key="concept:name" value="case-1"/>
    <float key="AMOUNT_REQ" value="20000"/>
    <event>
      <string key="concept:name" value="A_SUBMITTED"/>
      <date key="time:timestamp" value="2011-10-01T00:38:44.546+02:00"/>
      <string key="lifecycle:transition" value="COMPLETE"/>
    </event>
    <event>
      <string key="concept:name" value="A_PREACCEPTED"/>
      <date key="time:timestamp" value="2011-10-01T00:39:37.906+02:00"/>
      <int key="AMOUNT_REQ" value="5"/>
    </event>
  </trace>
</log>
`;

describe("XES events", () => {
  it("takes the trace name as person and the other attributes as properties", async () => {
    const events = await read(await fileWith("log.xes.gz", gzipSync(XES)));
    expect(events).toEqual([
      {
        person: "case-1",
        time: Date.UTC(2011, 8, 30, 22, 38, 44, 546),
        event: "A_SUBMITTED",
        properties: { AMOUNT_REQ: 20000, "lifecycle:transition": "COMPLETE" },
        source: "log.xes.gz",
        id: null,
      },
      {
        person: "case-1",
        time: Date.UTC(2011, 8, 30, 22, 39, 37, 906),
        event: "A_PREACCEPTED",
        properties: { AMOUNT_REQ: 5 },
        source: "log.xes.gz",
        id: null,
      },
    ]);
  });

  it("fails on a truncated file with the place it stops", async () => {
    const cut = XES.slice(0, XES.indexOf("</trace>"));
    expect(await failure(await fileWith("cut.xes", cut))).toMatch(/^cut\.xes:\d+:\d+: .*unclosed.*truncated/);
    const gz = gzipSync(XES);
    expect(await failure(await fileWith("cut.xes.gz", gz.subarray(0, gz.length - 20)))).toMatch(
      /^cut\.xes\.gz: cannot decompress .*download complete/,
    );
  });

  it("names the event that has no timestamp", async () => {
    const broken = XES.replace('<date key="time:timestamp" value="2011-10-01T00:39:37.906+02:00"/>', "");
    expect(await failure(await fileWith("nots.xes", broken))).toMatch(
      /^nots\.xes:12:11: time:timestamp null is not a date or time/,
    );
  });
});
