import { IMPORT_FORMATS, type ImportFormat } from "../api/types.js";

/** The importer is chosen by the file's extension; anything else is refused before upload. */
export function importFormatOf(fileName: string): ImportFormat | null {
  const extension = fileName.toLowerCase().split(".").pop() ?? "";
  return (IMPORT_FORMATS as readonly string[]).includes(extension) ? (extension as ImportFormat) : null;
}
