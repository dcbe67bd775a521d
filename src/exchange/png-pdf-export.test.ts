import { describe, expect, it } from "vitest";
import { exportMap } from "./export-map.js";
import { sampleMapFile } from "./sample-map.test-support.js";

const ascii = (bytes: Uint8Array, start: number, end: number) =>
  String.fromCharCode(...bytes.slice(start, end));

describe("picture exports", () => {
  it("renders a PNG at twice the SVG size", async () => {
    const { body, contentType } = await exportMap(sampleMapFile(), "png");
    const bytes = body as Uint8Array;
    expect(contentType).toBe("image/png");
    expect([...bytes.slice(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const view = new DataView(bytes.buffer, bytes.byteOffset);
    expect(view.getUint32(16)).toBeGreaterThan(2000);
    expect(bytes.byteLength).toBeGreaterThan(50_000);
  });

  it("renders a one-page vector PDF with the DejaVu fonts embedded", async () => {
    const { body, contentType } = await exportMap(sampleMapFile(), "pdf");
    const bytes = body as Uint8Array;
    expect(contentType).toBe("application/pdf");
    expect(ascii(bytes, 0, 5)).toBe("%PDF-");
    expect(ascii(bytes, bytes.length - 6, bytes.length).trim()).toBe("%%EOF");
    const text = Buffer.from(bytes).toString("latin1");
    expect(text).toContain("DejaVuSans");
    expect(text).toContain("DejaVuSans-Bold");
    expect(text.match(/\/Type \/Page\b/g)).toHaveLength(1);
    expect(bytes.byteLength).toBeGreaterThan(20_000);
  });
});
