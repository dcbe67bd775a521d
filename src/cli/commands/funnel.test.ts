import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runTropa } from "../run-tropa.test-support.js";

let dir = "";

/** Runs the real `tropa` binary in the temp dir. */
const tropa = (...args: string[]) => runTropa(dir, args);

const EVENTS = [
  "person,time,event,channel",
  "u1,2024-06-01T10:00:00Z,visit,ads",
  "u1,2024-06-02,signup,",
  "u1,2024-06-05T00:00:00Z,pay,",
  "u2,2024-06-01,visit,seo",
  "u2,2024-06-20,signup,",
  "u3,1717236000000,signup,",
  "u3,1717236000000,visit,",
  "u4,2024-06-01,visit,",
  "u4,2024-06-01,refund,",
  "u4,2024-06-02,signup,",
].join("\n");

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "tropa-funnel-"));
  await writeFile(path.join(dir, "events.csv"), `${EVENTS}\n`);
  await writeFile(path.join(dir, "bad.csv"), "person,time,event\nu1,2024-06-01,visit\nu2,yesterday,visit\n");
  const ndjson = EVENTS.split("\n")
    .slice(1)
    .map((line) => line.split(","))
    .map(([person, time, event]) => JSON.stringify({ person, time, event }));
  await writeFile(path.join(dir, "events.ndjson"), `${ndjson.join("\n")}\n`);
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

// Each run starts Node, tsx and DuckDB (seconds), so the cases run side by side.
describe.concurrent("tropa funnel --events", { timeout: 90_000 }, () => {
  it("prints the steps in order as JSON, straight from a CSV file", async () => {
    const run = await tropa(
      "funnel",
      "--events",
      "events.csv",
      "--steps",
      "visit,signup,pay",
      "--window",
      "7d",
      "--order",
      "sequential",
      "--format",
      "json",
    );
    expect(run).toMatchObject({ code: 0, stderr: "" });
    const result = JSON.parse(run.stdout) as { steps: { name: string; people: number; lost: number }[] };
    // u2 signs up after 19 days (outside 7d); u3's same-millisecond visit and signup count in step order.
    expect(result.steps.map((s) => [s.name, s.people, s.lost])).toEqual([
      ["visit", 4, 0],
      ["signup", 3, 1],
      ["pay", 1, 2],
    ]);
  });

  it("drops people who do an excluded event between the steps", async () => {
    const run = await tropa(
      "funnel",
      "--events",
      "events.csv",
      "--steps",
      "visit,signup",
      "--exclude",
      "refund",
      "--format",
      "json",
    );
    const result = JSON.parse(run.stdout) as { steps: { people: number }[]; excluded: number };
    expect(result.steps.map((s) => s.people)).toEqual([3, 2]);
    expect(result.excluded).toBe(1);
  });

  it("takes alternatives, a segment and an entry range", async () => {
    const run = await tropa(
      "funnel",
      "--events",
      "events.csv",
      "--steps",
      "visit|refund,signup",
      "--where",
      "channel=ads|seo",
      "--from",
      "2024-06-01T05:00Z",
      "--to",
      "2024-06-02",
      "--format",
      "json",
    );
    expect(run).toMatchObject({ code: 0, stderr: "" });
    const result = JSON.parse(run.stdout) as { steps: { name: string; people: number }[] };
    // Only u1 (ads) and u2 (seo) have a channel, and only u1 enters after 05:00 (u2 at midnight).
    expect(result.steps.map((s) => [s.name, s.people])).toEqual([
      ["visit | refund", 1],
      ["signup", 1],
    ]);
    const bad = await tropa("funnel", "--events", "events.csv", "--steps", "visit", "--where", "channel");
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--where "channel" is not a condition');
  });

  it("prints a table with the key barrier, and CSV", async () => {
    const table = await tropa(
      "funnel",
      "--events",
      "events.csv",
      "--steps",
      "visit,signup,pay",
      "--window",
      "7d",
    );
    expect(table.stdout.split("\n")[0]).toMatch(
      /^STEP\s+NAME\s+PEOPLE\s+FROM PREVIOUS\s+FROM START\s+LOST\s+MEDIAN TIME\s+P90 TIME$/,
    );
    // u1 pays 3 days after signing up (2024-06-02 → 06-05).
    expect(table.stdout).toMatch(/^3\s+pay\s+1\s+33\.3%\s+25%\s+2\s+3d\s+3d$/m);
    expect(table.stdout).toContain("Key barrier: signup → pay keeps 33.3% (2 lost)");
    const csv = await tropa("funnel", "--events", "events.csv", "--steps", "visit,signup", "--format", "csv");
    // Signup times: u3 0, u4 1 day, u1 14 h → median (rank 2) 14 h, p90 (rank 3) 1 day.
    expect(csv.stdout.split("\n").slice(0, 3)).toEqual([
      "section,group,step,name,people,conversion_from_previous,conversion_from_start,lost,median_ms,p90_ms",
      "step,,1,visit,4,100,100,0,,",
      "step,,2,signup,3,75,75,1,50400000,86400000",
    ]);
  });

  it("breaks the funnel down by a property and by week of entry", async () => {
    const run = await tropa(
      "funnel",
      "--events",
      "events.csv",
      "--steps",
      "visit,signup",
      "--window",
      "7d",
      "--breakdown",
      "channel",
      "--interval",
      "week",
      "--format",
      "json",
    );
    expect(run).toMatchObject({ code: 0, stderr: "" });
    const result = JSON.parse(run.stdout);
    // An empty CSV cell is no property at all: null, "(missing)" in the table.
    expect(
      result.breakdown.groups.map((g: { value: string; steps: { people: number }[] }) => [
        g.value,
        g.steps.map((s) => s.people),
      ]),
    ).toEqual([
      [null, [2, 2]],
      ["ads", [1, 1]],
      ["seo", [1, 0]],
    ]);
    // 2024-06-01 is a Saturday: everyone entered in the week of Monday 2024-05-27.
    expect(result.overTime.periods).toEqual([
      { start: Date.UTC(2024, 4, 27), entered: 4, steps: [4, 3], conversion: 75 },
    ]);
    const table = await tropa(
      "funnel",
      "--events",
      "events.csv",
      "--steps",
      "visit,signup",
      "--breakdown",
      "channel:step=1",
      "--interval",
      "day",
    );
    expect(table.stdout).toContain("Breakdown by channel (step 1):");
    expect(table.stdout).toMatch(/^ads\s+1\s+1\s+100%$/m);
    expect(table.stdout).toMatch(/^2024-06-01\s+4\s+3\s+75%$/m);
    const bad = await tropa(
      "funnel",
      "--events",
      "events.csv",
      "--steps",
      "visit",
      "--breakdown",
      "x:step=2",
    );
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("step must be from 1 to 1");
  });

  it("reads any event file tropa import reads, here NDJSON", async () => {
    const run = await tropa(
      "funnel",
      "--events",
      "events.ndjson",
      "--steps",
      "visit,signup,pay",
      "--window",
      "7d",
    );
    expect(run).toMatchObject({ code: 0, stderr: "" });
    expect(run.stdout).toMatch(/^3\s+pay\s+1\s+33\.3%\s+25%\s+2\s/m);
  });

  it("names the file, line and column of a bad row and exits 1", async () => {
    const run = await tropa("funnel", "--events", "bad.csv", "--steps", "visit");
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^tropa: bad\.csv:3:4: time "yesterday" is not a date or time/);
  });

  it("counts the valid rows only with --skip-invalid and says how many it skipped", async () => {
    const run = await tropa(
      "funnel",
      "--events",
      "bad.csv",
      "--steps",
      "visit",
      "--skip-invalid",
      "--format",
      "csv",
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("step,,1,visit,1,");
    expect(run.stderr).toBe("tropa: skipped 1 invalid row of bad.csv\n");
  });

  it("exits 2 on a bad option", async () => {
    const run = await tropa("funnel", "--events", "events.csv", "--steps", "visit", "--window", "soon");
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('tropa: --window "soon" is not a duration');
    expect((await tropa("funnel", "--steps", "visit")).code).toBe(2);
  });
});
