import { describe, expect, it } from "vitest";
import { previewBytes, WHOLE_PREVIEW_BYTES } from "./preview-bytes.js";

const named = (blob: Blob, name: string) => Object.assign(blob, { name });

describe("previewBytes", () => {
  it("sends a small file whole", async () => {
    const file = named(new Blob(["person,time,event\nu1,2026-01-01,visit"]), "e.csv");
    expect(await previewBytes(file)).toBe(file);
  });

  it("sends the complete lines at the head of a large CSV", async () => {
    const line = "user-1,2026-01-01T00:00:00Z,visit\n";
    const file = named(new Blob([line.repeat(Math.ceil(WHOLE_PREVIEW_BYTES / line.length) + 1)]), "e.csv");
    const text = await (await previewBytes(file)).text();
    expect(text.length).toBeLessThan(file.size);
    expect(text.endsWith("\n")).toBe(true);
    expect(
      text
        .split("\n")
        .slice(0, -1)
        .every((row) => `${row}\n` === line),
    ).toBe(true);
  });

  it("sends a large binary file whole", async () => {
    const file = named(new Blob([new Uint8Array(WHOLE_PREVIEW_BYTES + 1)]), "e.parquet");
    expect(await previewBytes(file)).toBe(file);
  });
});
