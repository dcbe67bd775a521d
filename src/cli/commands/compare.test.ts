import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runTropa } from "../run-tropa.test-support.js";

let dir = "";

/** Runs the real `tropa` binary in the temp dir. */
const tropa = (...args: string[]) => runTropa(dir, args);

/** 200 visitors per period; 50 sign up in January, 80 in February; the data ends on Feb 18. */
function eventsCsv(): string {
  const lines = ["person,time,event"];
  for (let i = 0; i < 200; i++) {
    const day = String(1 + (i % 10)).padStart(2, "0");
    lines.push(`a${i},2024-01-${day}T10:00:00Z,visit`, `b${i},2024-02-${day}T10:00:00Z,visit`);
    if (i < 50) lines.push(`a${i},2024-01-${day}T11:00:00Z,signup`);
    if (i < 80) lines.push(`b${i},2024-02-${day}T11:00:00Z,signup`);
  }
  lines.push("z,2024-02-18T00:00:00Z,visit");
  return `${lines.join("\n")}\n`;
}

const PERIODS = ["--period-a", "2024-01-01..2024-01-15", "--period-b", "2024-02-01..2024-02-15"];

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "tropa-compare-"));
  await writeFile(path.join(dir, "events.csv"), eventsCsv());
  // Ten February sign-ups had a refund between visit and signup.
  const refunds = Array.from(
    { length: 10 },
    (_, i) => `b${i},2024-02-${String(1 + i).padStart(2, "0")}T10:30:00Z,refund`,
  );
  await writeFile(path.join(dir, "refunds.csv"), `${eventsCsv()}${refunds.join("\n")}\n`);
  // The first 100 visitors of each period are on the "pro" plan.
  const [, ...rows] = eventsCsv().trim().split("\n");
  const plans = rows.map((row) => (/^[ab]\d\d?,.*,visit$/.test(row) ? `${row},pro` : `${row},`));
  await writeFile(path.join(dir, "plans.csv"), `person,time,event,plan\n${plans.join("\n")}\n`);
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

// Each run starts Node, tsx and DuckDB (seconds), so the cases run side by side.
describe.concurrent("tropa compare --events", { timeout: 90_000 }, () => {
  it("prints the difference, its interval and p-value as JSON", async () => {
    const run = await tropa(
      "compare",
      "--events",
      "events.csv",
      "--steps",
      "visit,signup",
      ...PERIODS,
      "--window",
      "1d",
      "--format",
      "json",
    );
    expect(run).toMatchObject({ code: 0, stderr: "" });
    const result = JSON.parse(run.stdout);
    expect(result.warnings).toEqual([]);
    expect(result.transitions[0]).toMatchObject({
      a: { reached: 200, converted: 50 },
      b: { reached: 200, converted: 80 },
      verdict: "better",
    });
    expect(result.transitions[0].differencePoints).toBeCloseTo(15, 10);
    expect(result.transitions[0].pValue).toBeLessThan(0.01);
  });

  it("warns in the table when period B's 7-day window runs past the data", async () => {
    const run = await tropa(
      "compare",
      "--events",
      "events.csv",
      "--steps",
      "visit,signup",
      ...PERIODS,
      "--window",
      "7d",
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("visit → signup  25% (50/200)  40% (80/200)  B is better: +15 pp");
    expect(run.stdout).toContain("Warning: period B's window is not complete yet");
  });

  it("drops people who do an excluded event between the steps", async () => {
    const run = await tropa(
      "compare",
      "--events",
      "refunds.csv",
      "--steps",
      "visit,signup",
      ...PERIODS,
      "--window",
      "1d",
      "--exclude",
      "refund",
      "--format",
      "json",
    );
    expect(run).toMatchObject({ code: 0, stderr: "" });
    const result = JSON.parse(run.stdout);
    expect(result.resultB.excluded).toBe(10);
    expect(result.transitions[0]).toMatchObject({
      a: { reached: 200, converted: 50 },
      b: { reached: 190, converted: 70 },
    });
  });

  it("compares only the people of a segment", async () => {
    const run = await tropa(
      "compare",
      "--events",
      "plans.csv",
      "--steps",
      "visit,signup|trial",
      ...PERIODS,
      "--where",
      "plan=pro",
      "--format",
      "json",
    );
    expect(run).toMatchObject({ code: 0, stderr: "" });
    const result = JSON.parse(run.stdout);
    expect(result.transitions[0]).toMatchObject({
      toName: "signup | trial",
      a: { reached: 100, converted: 50 },
      b: { reached: 100, converted: 80 },
    });
  });

  it("exits 2 on a period it cannot read", async () => {
    const run = await tropa(
      "compare",
      "--events",
      "events.csv",
      "--steps",
      "visit,signup",
      "--period-a",
      "January",
      "--period-b",
      "2024-02-01..2024-02-15",
    );
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      'tropa: --period-a "January" is not a period; use FROM..TO, e.g. 2024-01-01..2024-01-15\n',
    );
  });
});
