import { type MapFile, parseMapFile } from "./map-file.js";

/** The lossless format: the map file, pretty-printed so diffs and hand edits stay readable. */
export function exportJson(file: MapFile): string {
  return `${JSON.stringify(file, null, 2)}\n`;
}

export function importJson(text: string, filename: string): MapFile {
  return parseMapFile(text, filename);
}
