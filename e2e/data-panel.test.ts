import { writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { MetricsLane } from "../src/domain/journey-map.js";
import {
  browserAvailable,
  createMapFromTemplate,
  openTropaPage,
  storedMap,
  type Tropa,
  type TropaPage,
  waitUntilSaved,
} from "./harness.js";

/**
 * 60 people see the landing, the even ones sign up (30), every sixth pays (10): the key barrier is
 * Registration → Payment, keeping a third.
 */
function eventsCsv(): string {
  const rows = ["person,time,event,channel"];
  for (let i = 0; i < 60; i++) {
    const day = String(1 + (i % 20)).padStart(2, "0");
    const channel = ["ads", "email", "seo"][i % 3];
    rows.push(`u${i},2026-03-${day}T10:00:00Z,landing_view,${channel}`);
    if (i % 2 === 0) rows.push(`u${i},2026-03-${day}T10:05:00Z,sign_up,${channel}`);
    if (i % 6 === 0) rows.push(`u${i},2026-03-${day}T12:00:00Z,payment,${channel}`);
  }
  return `${rows.join("\n")}\n`;
}

/** A marketer uploads an event export, binds three stages and fills the metrics lane from the funnel. */
describe.skipIf(!browserAvailable)("the map's data panel", () => {
  let session: TropaPage;
  let tropa: Tropa;
  let page: Page;
  let mapId: string;
  let errors: Error[];

  const panel = () => page.getByRole("complementary", { name: "Data" });
  const stageSection = (position: number, name: string) =>
    panel().getByRole("region", { name: `${position} ${name}`, exact: true });

  beforeAll(async () => {
    session = await openTropaPage();
    ({ tropa, page, errors } = session);
    mapId = (await createMapFromTemplate(tropa, "model-online-product", "en")).map.id;
    await page.goto(`${tropa.url}/#/maps/${mapId}`);
    await page.getByRole("button", { name: "Data", exact: true }).click();
    await panel().getByRole("tab", { name: "Sources" }).waitFor();
  });

  afterAll(async () => {
    await session?.close();
  });

  it("previews an uploaded CSV and imports it with progress", async () => {
    const file = join(tropa.dataDir, "events.csv");
    writeFileSync(file, eventsCsv());
    await panel().getByRole("button", { name: "Upload events" }).click();
    await panel().getByLabel("File", { exact: true }).setInputFiles(file);
    const firstRows = panel().getByRole("table", { name: "First rows of the file" });
    await firstRows.waitFor();
    expect(await firstRows.getByRole("columnheader").allTextContents()).toEqual([
      "person",
      "time",
      "event",
      "channel",
    ]);
    expect(await panel().getByRole("combobox", { name: "Event", exact: true }).inputValue()).toBe("event");

    await panel().getByRole("button", { name: "Import", exact: true }).click();
    await panel().getByRole("status").filter({ hasText: /^Done/ }).waitFor({ timeout: 20_000 });
    expect(await panel().getByRole("progressbar").getAttribute("aria-valuenow")).toBe("100");
    const source = panel()
      .getByRole("row", { name: /events\.csv/ })
      .first();
    await source.waitFor();
    expect(await source.getByRole("cell").allTextContents()).toEqual([
      "100",
      "60",
      "2026-03-01 – 2026-03-20",
    ]);
  });

  it("binds three stages to events and saves them with the map", async () => {
    await panel().getByRole("tab", { name: "Binding" }).click();
    const bind = async (position: number, stage: string, event: string) => {
      const section = stageSection(position, stage);
      await section.getByRole("button", { name: "Bind to an event" }).click();
      const field = section.getByRole("combobox", { name: "Event" });
      await field.fill(event);
      await field.press("Enter");
    };
    await bind(2, "Landing", "landing_view");
    await bind(3, "Registration", "sign_up");
    await bind(4, "Payment", "payment");
    await waitUntilSaved(page);
    const { map } = await storedMap(tropa, mapId);
    expect(map.stages.map((stage) => stage.matchers.map((matcher) => matcher.event))).toEqual([
      [],
      ["landing_view"],
      ["sign_up"],
      ["payment"],
      [],
      [],
    ]);
  });

  it("computes the funnel and marks the key barrier", async () => {
    await panel().getByRole("tab", { name: "Funnel" }).click();
    await panel().getByRole("button", { name: "Compute funnel" }).click();
    const table = panel().getByRole("table", { name: "Funnel by stage" });
    await table.waitFor();
    const people = async (stage: string) =>
      (
        await table
          .getByRole("row", { name: new RegExp(`^${stage}`) })
          .getByRole("cell")
          .nth(0)
          .textContent()
      )?.trim();
    expect([await people("Landing"), await people("Registration"), await people("Payment")]).toEqual([
      "60",
      "30",
      "10",
    ]);
    const barrierRow = table.getByRole("row", { name: /Key barrier/ });
    expect(await barrierRow.getByRole("rowheader").textContent()).toBe("PaymentKey barrier");
    expect(
      await panel()
        .getByRole("status")
        .filter({ hasText: "Key barrier: Registration → Payment" })
        .textContent(),
    ).toContain("keeps 33.3 %, 20 lost");
  });

  it("fills the metrics lane's people row from the data", async () => {
    await panel().getByRole("button", { name: "Fill the metrics lane from data" }).click();
    await waitUntilSaved(page);
    const { map } = await storedMap(tropa, mapId);
    const lane = map.lanes.find((candidate): candidate is MetricsLane => candidate.type === "metrics");
    const row = lane?.rows.find((candidate) => candidate.kind === "people");
    const [ad, landing, registration, payment] = map.stages.map((stage) => stage.id);
    expect(row?.source).toBe("analytics");
    expect(row?.fromData?.sources).toEqual(["events.csv"]);
    expect({
      landing: row?.values[landing ?? ""],
      registration: row?.values[registration ?? ""],
      payment: row?.values[payment ?? ""],
    }).toEqual({ landing: 60, registration: 30, payment: 10 });
    expect(row?.values[ad ?? ""] ?? null).toBeNull();

    await panel().getByRole("button", { name: "Close" }).first().click();
    await page.getByText("from data · events.csv · all dates").waitFor();
    expect(await page.getByRole("textbox", { name: "People at Payment" }).inputValue()).toBe("10");
    expect(errors).toEqual([]);
  });

  it("shows the paths: who reached which stage, the flow and the top paths", async () => {
    await page.getByRole("button", { name: "Data", exact: true }).click();
    await panel().getByRole("tab", { name: "Paths" }).click();
    await panel().getByRole("button", { name: "Show paths" }).click();
    await panel().getByText("60 people reached a stage; 0 went back at least once.").waitFor();
    const top = panel().getByRole("region", { name: "Top paths" }).getByRole("listitem");
    const rows = (await top.allTextContents()).map((text) => text.replace(/\s+/g, " ").trim());
    expect(rows).toHaveLength(3);
    expect(rows[0]).toMatch(/^Landing[^→]*30$/);
    expect(rows[1]).toMatch(/^Landing[^→]* → Registration[^→]*20$/);
    expect(rows[2]).toMatch(/^Landing[^→]* → Registration[^→]* → Payment[^→]*10$/);
    expect(
      await panel()
        .getByLabel(/^Sankey chart of the paths/)
        .getAttribute("aria-label"),
    ).toBe("Sankey chart of the paths: 2 moves, 0 of them back to an earlier stage");
    await panel().getByRole("button", { name: "Close" }).first().click();
    expect(errors).toEqual([]);
  });

  it("shows the write key that lets a site send events to POST /api/capture", async () => {
    await page.getByRole("button", { name: "Data", exact: true }).click();
    await panel().getByRole("tab", { name: "Sources" }).click();
    await panel().getByRole("button", { name: "Show the write key" }).click();
    const writeKey = (await panel().getByTestId("write-key").textContent()) ?? "";
    expect(writeKey.length).toBeGreaterThan(10);
    const sent = await fetch(`${tropa.url}/api/capture`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ writeKey, type: "track", userId: "u1", event: "payment" }),
    });
    expect(sent.status).toBe(200);
    await panel().getByRole("button", { name: "Close" }).first().click();
    await page.getByRole("button", { name: "Data", exact: true }).click();
    await panel().getByRole("rowheader", { name: "capture" }).waitFor();
    expect(errors).toEqual([]);
  });
});
