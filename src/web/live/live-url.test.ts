import { describe, expect, it } from "vitest";
import { liveServerUrl } from "./live-url.js";

describe("liveServerUrl", () => {
  it("uses wss on an https page", () => {
    expect(liveServerUrl({ protocol: "https:", host: "tropa.example.com" })).toBe(
      "wss://tropa.example.com/api/live",
    );
  });

  it("uses ws on an http page and keeps the port", () => {
    expect(liveServerUrl({ protocol: "http:", host: "127.0.0.1:4173" })).toBe("ws://127.0.0.1:4173/api/live");
  });
});
