import { exportCsv } from "./csv-format.js";
import { exportJson } from "./json-format.js";
import type { MapFile } from "./map-file.js";
import { exportMarkdown } from "./markdown-export.js";
import { exportMermaid } from "./mermaid-export.js";

export const EXPORT_FORMATS = ["json", "xlsx", "csv", "md", "mermaid", "png", "pdf"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export type ExportedFile = { body: Uint8Array | string; contentType: string; extension: string };

/**
 * Renders a map file in one of the export formats. The XLSX, PNG and PDF writers are loaded on first use:
 * their libraries take most of a second to load, which every CLI call and server start would pay.
 * @example const { body, extension } = await exportMap(toMapFile(map, personas), "xlsx")
 */
export async function exportMap(file: MapFile, format: ExportFormat): Promise<ExportedFile> {
  switch (format) {
    case "json":
      return { body: exportJson(file), contentType: "application/json; charset=utf-8", extension: "json" };
    case "xlsx":
      return {
        body: await (await import("./xlsx-export.js")).exportXlsx(file),
        contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        extension: "xlsx",
      };
    case "csv":
      return { body: exportCsv(file), contentType: "text/csv; charset=utf-8", extension: "csv" };
    case "md":
      return { body: exportMarkdown(file), contentType: "text/markdown; charset=utf-8", extension: "md" };
    case "mermaid":
      return { body: exportMermaid(file), contentType: "text/vnd.mermaid; charset=utf-8", extension: "mmd" };
    case "png":
      return {
        body: (await import("./png-export.js")).exportPng(file),
        contentType: "image/png",
        extension: "png",
      };
    case "pdf":
      return {
        body: await (await import("./pdf-export.js")).exportPdf(file),
        contentType: "application/pdf",
        extension: "pdf",
      };
  }
}

export function isExportFormat(value: string): value is ExportFormat {
  return (EXPORT_FORMATS as readonly string[]).includes(value);
}
