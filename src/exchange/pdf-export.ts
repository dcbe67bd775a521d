import PDFDocument from "pdfkit";
import SVGtoPDF from "svg-to-pdfkit";
import { DEJAVU_FONTS } from "./dejavu-fonts.js";
import type { MapFile } from "./map-file.js";
import { renderMapSvg } from "./map-svg.js";

/** One vector page the size of the map picture; text stays selectable and searchable. */
export async function exportPdf(file: MapFile): Promise<Uint8Array> {
  const svg = renderMapSvg(file);
  const [width, height] = svgSize(svg);
  const doc = new PDFDocument({
    size: [width, height],
    margin: 0,
    info: { Title: file.map.title, Creator: "Tropa" },
  });
  doc.registerFont("DejaVu", DEJAVU_FONTS.regular);
  doc.registerFont("DejaVu-Bold", DEJAVU_FONTS.bold);
  const chunks: Buffer[] = [];
  const done = new Promise<void>((resolve, reject) => {
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("end", resolve);
    doc.on("error", reject);
  });
  SVGtoPDF(doc, svg, 0, 0, {
    width,
    height,
    assumePt: true,
    fontCallback: (_f, bold) => (bold ? "DejaVu-Bold" : "DejaVu"),
  });
  doc.end();
  await done;
  return new Uint8Array(Buffer.concat(chunks));
}

function svgSize(svg: string): [number, number] {
  const match = /<svg[^>]*\swidth="(\d+(?:\.\d+)?)"[^>]*\sheight="(\d+(?:\.\d+)?)"/.exec(svg);
  return [Number(match?.[1] ?? 1200), Number(match?.[2] ?? 800)];
}
