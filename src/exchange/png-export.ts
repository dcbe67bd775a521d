import { Resvg } from "@resvg/resvg-js";
import { DEJAVU_FONTS } from "./dejavu-fonts.js";
import type { MapFile } from "./map-file.js";
import { renderMapSvg, SVG_FONT_FAMILY } from "./map-svg.js";

/** Renders the map picture at twice its size so it stays sharp on slides and high-density screens. */
export function exportPng(file: MapFile): Uint8Array {
  const resvg = new Resvg(renderMapSvg(file), {
    fitTo: { mode: "zoom", value: 2 },
    // System fonts are ignored so the picture looks the same on every server.
    font: {
      fontFiles: [DEJAVU_FONTS.regular, DEJAVU_FONTS.bold],
      loadSystemFonts: false,
      defaultFontFamily: SVG_FONT_FAMILY,
    },
  });
  return new Uint8Array(resvg.render().asPng());
}
