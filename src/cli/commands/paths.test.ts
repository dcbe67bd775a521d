import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runTropa } from "../run-tropa.test-support.js";

let dir = "";

/** Runs the real `tropa` binary in the temp dir. */
const tropa = (...args: string[]) => runTropa(dir, args);

// u1 loops signup → visit → signup; u2 stops at visit and reads pricing; u3 stops at signup.
const EVENTS = [
  "person,time,event",
  "u1,2024-06-01T10:00:00Z,visit",
  "u1,2024-06-01T10:01:00Z,visit",
  "u1,2024-06-01T10:02:00Z,signup",
  "u1,2024-06-01T10:03:00Z,visit",
  "u1,2024-06-01T10:04:00Z,signup",
  "u1,2024-06-01T10:05:00Z,pay",
  "u2,2024-06-01,visit",
  "u2,2024-06-02,pricing",
  "u3,2024-06-01,visit",
  "u3,2024-06-01,signup",
].join("\n");

// The web id and the CRM contact are linked into one person by a `$identify` row.
const LINKED = [
  "person,time,event,alias",
  "anon-1,2024-06-01,visit,",
  "crm-7,2024-06-02,signup,",
  "crm-7,2024-06-01,$identify,anon-1",
].join("\n");

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "tropa-paths-"));
  await writeFile(path.join(dir, "events.csv"), `${EVENTS}\n`);
  await writeFile(path.join(dir, "linked.csv"), `${LINKED}\n`);
  const channels = ["person,time,event,channel", "a1,2024-06-01,landing,ads", "a1,2024-06-02,signup,"];
  channels.push("s1,2024-06-01,visit,seo", "s1,2024-06-02,signup,", "n1,2024-06-01,visit,");
  await writeFile(path.join(dir, "channels.csv"), `${channels.join("\n")}\n`);
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

// Each run starts Node, tsx and DuckDB (seconds), so the cases run side by side.
describe.concurrent("tropa paths --events", { timeout: 90_000 }, () => {
  it("prints transitions both ways, back moves, top paths and next events as JSON", async () => {
    const run = await tropa(
      "paths",
      "--events",
      "events.csv",
      "--stages",
      "visit,signup,pay",
      "--format",
      "json",
    );
    expect(run).toMatchObject({ code: 0, stderr: "" });
    const result = JSON.parse(run.stdout);
    expect(result.people).toBe(3);
    expect(result.transitions).toContainEqual(
      expect.objectContaining({ fromName: "signup", toName: "visit", direction: "backward", people: 1 }),
    );
    expect(result.backMoves.people).toBe(1);
    expect(result.topPaths.map((p: { names: string[] }) => p.names.join(">"))).toEqual([
      "visit",
      "visit>signup",
      "visit>signup>visit>signup>pay",
    ]);
    expect(result.dropOffs[0]).toMatchObject({
      name: "visit",
      people: 1,
      nextEvents: [{ event: "pricing", people: 1 }],
    });
  });

  it("takes stages reached by several events and a segment", async () => {
    const run = await tropa(
      "paths",
      "--events",
      "channels.csv",
      "--stages",
      "visit|landing,signup",
      "--where",
      "channel~s",
      "--format",
      "json",
    );
    expect(run).toMatchObject({ code: 0, stderr: "" });
    const result = JSON.parse(run.stdout);
    // "ads" and "seo" contain an s; n1 has no channel at all.
    expect(result.people).toBe(2);
    expect(result.topPaths).toEqual([
      expect.objectContaining({ names: ["visit | landing", "signup"], people: 2 }),
    ]);
  });

  it("prints tables and CSV, keeping the top N paths", async () => {
    const table = await tropa(
      "paths",
      "--events",
      "events.csv",
      "--stages",
      "visit,signup,pay",
      "--top",
      "1",
    );
    expect(table.code).toBe(0);
    expect(table.stdout).toContain("People: 3; went back at least once: 1 (33.3%)");
    expect(table.stdout).toMatch(/^signup\s+visit\s+backward\s+1\s+1$/m);
    expect(table.stdout).toMatch(/^visit\s+1\s+pricing 1$/m);
    // Three paths tie at one person each; --top 1 keeps the first by stage order.
    expect(table.stdout).toContain("PEOPLE  PATH\n1       visit\n\n");
    const csv = await tropa("paths", "--events", "events.csv", "--stages", "visit,signup", "--format", "csv");
    const lines = csv.stdout.split("\n");
    expect(lines[0]).toBe("section,from,to,direction,path,event,back_moves,people,transitions");
    expect(lines).toContain("transition,visit,signup,forward,,,,2,3");
    expect(lines).toContain("next_event,visit,,,,pricing,,1,");
  });

  it("counts sessions with --unit session and prints the Sankey graph in JSON", async () => {
    const run = await tropa(
      "paths",
      "--events",
      "events.csv",
      "--stages",
      "visit,signup,pay",
      "--unit",
      "session",
      "--max-depth",
      "3",
      "--format",
      "json",
    );
    expect(run).toMatchObject({ code: 0, stderr: "" });
    const result = JSON.parse(run.stdout);
    // u2's pricing a day after the visit is another session, so it is not their next event.
    expect(result.people).toBe(3);
    expect(result.dropOffs[0]).toMatchObject({ name: "visit", people: 1, noNextEvent: 1, nextEvents: [] });
    expect(result.graph.nodes.map((n: { id: string }) => n.id)).toEqual(["0:1", "1:2", "2:1"]);
    expect(result.graph.links).toContainEqual({
      source: "1:2",
      target: "2:1",
      people: 1,
      direction: "backward",
    });
    const table = await tropa("paths", "--events", "events.csv", "--stages", "visit", "--unit", "session");
    expect(table.stdout).toContain("Sessions: 3;");
  });

  it("follows one person across ids linked by $identify rows", async () => {
    const run = await tropa(
      "paths",
      "--events",
      "linked.csv",
      "--stages",
      "visit,signup",
      "--format",
      "json",
    );
    expect(run).toMatchObject({ code: 0, stderr: "" });
    expect(JSON.parse(run.stdout).topPaths).toEqual([
      { stages: [1, 2], names: ["visit", "signup"], people: 1 },
    ]);
  });

  it("exits 2 on a bad option", async () => {
    const run = await tropa("paths", "--events", "events.csv", "--stages", "visit", "--top", "0");
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("must be a whole number from 1 to 1000");
    expect((await tropa("paths", "--stages", "visit")).code).toBe(2);
    const depth = await tropa("paths", "--events", "events.csv", "--stages", "visit", "--max-depth", "1");
    expect(depth.code).toBe(2);
    expect(depth.stderr).toContain("must be a whole number from 2 to 20");
  });
});
