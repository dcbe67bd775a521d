import { writeFile } from "node:fs/promises";
import { type Command, Option } from "commander";
import { EXPORT_FORMATS, type ExportFormat, exportMap, isExportFormat } from "../../exchange/export-map.js";
import type { CliIo } from "../cli-io.js";
import { readMapSource } from "../read-map-source.js";
import { UsageError } from "../usage-error.js";

/** Output extensions that name a format on their own, so `-o map.pdf` needs no --format. */
const FORMAT_BY_EXTENSION: Record<string, ExportFormat> = { mmd: "mermaid", markdown: "md" };

/** `tropa export`: a map file or a stored map to JSON, XLSX, CSV, Markdown, Mermaid, PNG or PDF. */
export function registerExport(program: Command, io: CliIo): void {
  program
    .command("export")
    .description("export a map file or a stored map (by id) to another format")
    .argument("<file-or-map-id>", "a map file (.json, .xlsx, .csv) or the id of a map in the store")
    .addOption(
      new Option(
        "-f, --format <format>",
        "output format (default: from the output file's extension)",
      ).choices(EXPORT_FORMATS),
    )
    .option("-o, --output <file>", "where to write (default: standard output)")
    .action(async (source: string, options: { format?: ExportFormat; output?: string }) => {
      const format = options.format ?? formatOf(options.output);
      const file = await readMapSource(source);
      const { body } = await exportMap(file, format);
      if (!options.output) {
        io.out(body);
        return;
      }
      await writeFile(options.output, body);
      io.out(`Wrote ${options.output} (${format}): "${file.map.title}"\n`);
    });
}

function formatOf(output: string | undefined): ExportFormat {
  const extension = output?.toLowerCase().split(".").pop() ?? "";
  const format = FORMAT_BY_EXTENSION[extension] ?? extension;
  if (output && isExportFormat(format)) return format;
  throw new UsageError(`say which format to write: --format ${EXPORT_FORMATS.join("|")}`);
}
