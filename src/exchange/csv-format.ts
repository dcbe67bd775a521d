import Papa from "papaparse";
import { ImportError } from "../domain/errors.js";
import { exportLabels } from "./export-labels.js";
import { type MapFile, toMapFile } from "./map-file.js";
import { fromLayoutRows, type LayoutInput, toLayoutRows } from "./map-layout.js";
import { transitionTable } from "./transition-table.js";

/** Excel only reads a CSV as UTF-8 (Cyrillic!) when it starts with a byte order mark. */
const BOM = "\uFEFF";

/**
 * The stage × lane table ("lane", "type", one column per stage; cards one per line in a cell),
 * then a blank row and the transition table.
 */
export function exportCsv(file: MapFile): string {
  const { map } = file;
  const labels = exportLabels(map.lang);
  const rows: string[][] = [
    [labels.lane, labels.type, ...map.stages.map((stage) => stage.name)],
    ...toLayoutRows(map).map((row) => [row.title, row.type, ...row.cells]),
  ];
  const table = transitionTable(map);
  if (table.rows.length > 0) rows.push([], table.header, ...table.rows.map((row) => row.cells));
  return BOM + Papa.unparse(rows, { newline: "\r\n" });
}

/**
 * Reads the layout part of a CSV back (the transition table after the blank row is derived data).
 * Accepts `,`, `;` or tab separators, a BOM, and files without the "type" column.
 */
export function importCsv(text: string, filename: string): MapFile {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ""), {
    delimitersToGuess: [",", ";", "\t"],
    skipEmptyLines: false,
  });
  const fatal = parsed.errors.find((error) => error.type === "Quotes");
  if (fatal) {
    throw new ImportError(
      "a quoted cell is never closed (is the file truncated?)",
      `${filename}: row ${(fatal.row ?? 0) + 1}`,
    );
  }
  const [header, ...body] = parsed.data;
  if (!header || header.every((cell) => !cell.trim())) {
    throw new ImportError("the file is empty: expected a header row with lane and stage names", filename);
  }
  const hasType = /^(type|тип)$/i.test((header[1] ?? "").trim());
  const firstStage = hasType ? 2 : 1;
  const stageNames = trimTrailingEmpty(header.slice(firstStage));
  const blankAt = body.findIndex((row) => row.every((cell) => !cell.trim()));
  const layout = blankAt === -1 ? body : body.slice(0, blankAt);
  const input: LayoutInput = {
    filename,
    title: filename.replace(/^.*[\\/]/, "").replace(/\.[^.]+$/, ""),
    stageNames,
    rows: layout.map((row) => ({
      title: row[0] ?? "",
      type: hasType ? row[1] : undefined,
      cells: stageNames.map((_, i) => row[firstStage + i] ?? ""),
    })),
  };
  const map = fromLayoutRows(input, (rowIndex, stageIndex) => {
    const column = stageIndex === null ? (header[0] ?? "A") : (stageNames[stageIndex] ?? "");
    return `${filename}: row ${rowIndex + 2}, column "${column}"`;
  });
  return toMapFile(map, []);
}

function trimTrailingEmpty(cells: string[]): string[] {
  let end = cells.length;
  while (end > 0 && !(cells[end - 1] ?? "").trim()) end--;
  return cells.slice(0, end);
}
