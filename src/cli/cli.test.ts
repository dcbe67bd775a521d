import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runTropa } from "./run-tropa.test-support.js";

let dir = "";

/** Runs the real `tropa` binary in the temp dir. */
const tropa = (...args: string[]) => runTropa(dir, args);

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "tropa-cli-"));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("tropa templates", () => {
  it("lists template ids and names as a table", async () => {
    const run = await tropa("templates", "--lang", "ru");
    expect(run.code).toBe(0);
    expect(run.stdout.split("\n")[0]).toMatch(/^ID\s+KIND\s+STAGES\s+NAME$/);
    expect(run.stdout).toMatch(/example-subscription-club\s+example\s+6\s+Пример/);
  });

  it("lists them as JSON", async () => {
    const run = await tropa("templates", "--format", "json");
    const templates = JSON.parse(run.stdout) as { id: string; name: string; stageCount: number }[];
    expect(templates.map((t) => t.id)).toContain("model-online-product");
    expect(templates.every((t) => typeof t.name === "string" && t.stageCount > 0)).toBe(true);
  });
});

describe("tropa new, export and import", () => {
  it("writes a map file from a template, offline", async () => {
    const run = await tropa(
      "new",
      "--template",
      "example-subscription-club",
      "--lang",
      "ru",
      "-o",
      "club.json",
    );
    expect(run).toMatchObject({ code: 0, stderr: "" });
    const file = JSON.parse(await readFile(path.join(dir, "club.json"), "utf8"));
    expect(file).toMatchObject({
      format: "tropa.map",
      map: { lang: "ru", templateId: "example-subscription-club" },
    });
    expect(file.personas.length).toBeGreaterThan(0);
  });

  it("exports the map file to every format", async () => {
    const expected: Record<string, (bytes: Buffer) => void> = {
      json: (b) => expect(JSON.parse(b.toString("utf8")).format).toBe("tropa.map"),
      xlsx: (b) => expect(b.subarray(0, 2).toString("latin1")).toBe("PK"),
      csv: (b) => expect(b.toString("utf8")).toContain("дорожка,тип,Увидел рекламу"),
      md: (b) => expect(b.toString("utf8")).toMatch(/^# Пример: клуб по подписке/),
      mermaid: (b) => expect(b.toString("utf8")).toMatch(/^journey\n {2}title /),
      png: (b) => expect(b.subarray(1, 4).toString("latin1")).toBe("PNG"),
      pdf: (b) => expect(b.subarray(0, 5).toString("latin1")).toBe("%PDF-"),
    };
    const formats = Object.keys(expected);
    const runs = await Promise.all(
      formats.map((f) => tropa("export", "club.json", "--format", f, "-o", `out.${f}`)),
    );
    for (const [i, format] of formats.entries()) {
      expect(runs[i]?.code, runs[i]?.stderr).toBe(0);
      expected[format]?.(await readFile(path.join(dir, `out.${format}`)));
    }
  });

  it("takes the format from the output file name", async () => {
    const run = await tropa("export", "club.json", "-o", "picture.pdf");
    expect(run.code, run.stderr).toBe(0);
    expect((await readFile(path.join(dir, "picture.pdf"))).subarray(0, 5).toString("latin1")).toBe("%PDF-");
  });

  it("imports a file into the store and exports the stored map by id", async () => {
    const imported = await tropa("import", "club.json");
    expect(imported.code, imported.stderr).toBe(0);
    const match = /^Imported map (\S+) "Пример: клуб по подписке в Telegram" into workspace "(.+)"\n$/.exec(
      imported.stdout,
    );
    expect(match).not.toBeNull();
    const mapId = match?.[1] ?? "";
    const original = JSON.parse(await readFile(path.join(dir, "club.json"), "utf8"));
    expect(mapId).not.toBe(original.map.id);

    const exported = await tropa("export", mapId, "--format", "json", "-o", "stored.json");
    expect(exported.code, exported.stderr).toBe(0);
    const stored = JSON.parse(await readFile(path.join(dir, "stored.json"), "utf8"));
    expect(stored.map.id).toBe(mapId);
    expect(stored.map.stages).toEqual(original.map.stages);
    expect(stored.personas.map((p: { name: string }) => p.name)).toEqual(
      original.personas.map((p: { name: string }) => p.name),
    );
  });

  it("imports its own XLSX and CSV exports", async () => {
    for (const file of ["out.xlsx", "out.csv"]) {
      const run = await tropa("import", file);
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout).toMatch(/^Imported map \S+ "/);
    }
  });
});

describe("bad input", () => {
  it("names the file, line and column of broken JSON, without a stack trace", async () => {
    await writeFile(path.join(dir, "broken.json"), '{\n  "format": "tropa.map",\n  "map": {,\n}');
    const run = await tropa("import", "broken.json");
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('tropa: broken.json: line 3, column 11: invalid JSON near ",\\n}"\n');
  });

  it("names the row and column of a bad CSV cell", async () => {
    await writeFile(path.join(dir, "trip.csv"), "lane,type,Search,Buy\nPeople,metrics:people,100,many\n");
    const run = await tropa("import", "trip.csv");
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('tropa: trip.csv: row 2, column "Buy": "many" is not a number\n');
  });

  it("names the field of an invalid map", async () => {
    const file = JSON.parse(await readFile(path.join(dir, "club.json"), "utf8"));
    file.map.stages[1].name = "";
    await writeFile(path.join(dir, "invalid.json"), JSON.stringify(file));
    const run = await tropa("export", "invalid.json", "--format", "md");
    expect(run.code).toBe(1);
    expect(run.stderr).toBe("tropa: invalid.json: map.stages.1.name: must not be empty\n");
  });

  it("says when neither a file nor a stored map matches", async () => {
    const run = await tropa("export", "no-such-map", "--format", "pdf", "-o", "x.pdf");
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /^tropa: no-such-map: no such file, and no map with this id in the store in .+\n$/,
    );
  });

  it("exits with 2 and one line for wrong usage", async () => {
    const cases = [
      ["export", "club.json", "--format", "gif"],
      ["export", "club.json"],
      ["new", "--template", "nope"],
      ["templates", "--lang", "de"],
      ["frobnicate"],
    ];
    const runs = await Promise.all(cases.map((args) => tropa(...args)));
    for (const [i, run] of runs.entries()) {
      expect(run.code, cases[i]?.join(" ")).toBe(2);
      expect(run.stderr, cases[i]?.join(" ")).toMatch(/^tropa: [^\n]+\n$/);
    }
  });
});

describe("tropa import of event files", () => {
  it("imports events into the event store, atomically, and adds nothing the second time", async () => {
    await writeFile(
      path.join(dir, "events.csv"),
      "person;time;event\na;01.06.2024;visit\nb;02.06.2024 10:00;pay\n",
    );
    const first = await tropa("import", "events.csv");
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/^Imported 2 events from events\.csv \(0 already stored, 0 rejected\)/);
    const again = await tropa("import", "events.csv");
    expect(again.stdout).toMatch(/^Imported 0 events from events\.csv \(2 already stored, 0 rejected\)/);
  });

  it("reports bad rows as file:line:column and writes them out with --skip-invalid", async () => {
    await writeFile(path.join(dir, "mixed.csv"), "who,when,what\na,2024-06-01,visit\nb,later,pay\n");
    const map = ["--map", "person=who,time=when,event=what"];
    const atomic = await tropa("import", "mixed.csv", ...map);
    expect(atomic.code).toBe(1);
    expect(atomic.stderr).toMatch(
      /^tropa: mixed\.csv:3:3: time "later" is not a date or time;[^\n]*\nnothing was imported/,
    );
    const skipped = await tropa("import", "mixed.csv", ...map, "--skip-invalid", "--rejected", "bad.ndjson");
    expect(skipped.code, skipped.stderr).toBe(0);
    expect(skipped.stdout).toMatch(/^Imported 1 events from mixed\.csv \(0 already stored, 1 rejected\)/);
    const rejected = JSON.parse(await readFile(path.join(dir, "bad.ndjson"), "utf8"));
    expect(rejected).toMatchObject({
      location: "mixed.csv:3:3",
      row: { who: "b", when: "later", what: "pay" },
    });
  });
});
