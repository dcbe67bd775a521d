import { writeFile } from "node:fs/promises";
import type { Command } from "commander";
import type { Lang } from "../../domain/journey-map.js";
import { createMapFromTemplate, listTemplates } from "../../domain/templates/index.js";
import { exportMap } from "../../exchange/export-map.js";
import { toMapFile } from "../../exchange/map-file.js";
import type { CliIo } from "../cli-io.js";
import { langOption } from "../lang-option.js";
import { UsageError } from "../usage-error.js";

/** `tropa new`: a map file from a template, offline (no store involved). */
export function registerNew(program: Command, io: CliIo): void {
  program
    .command("new")
    .description("write a new map file from a template (see `tropa templates`)")
    .requiredOption("-t, --template <id>", "template id")
    .addOption(langOption())
    .option("-o, --output <file>", "where to write the map file (default: standard output)")
    .action(async (options: { template: string; lang: Lang; output?: string }) => {
      if (!listTemplates().some((template) => template.id === options.template)) {
        throw new UsageError(
          `unknown template "${options.template}"; run \`tropa templates\` to see the ids`,
        );
      }
      const { map, personas } = createMapFromTemplate(options.template, options.lang);
      const { body } = await exportMap(toMapFile(map, personas), "json");
      if (!options.output) {
        io.out(String(body));
        return;
      }
      await writeFile(options.output, body);
      io.out(`Wrote ${options.output}: "${map.title}", ${map.stages.length} stages\n`);
    });
}
