import { type Command, Option } from "commander";
import type { Lang } from "../../domain/journey-map.js";
import { listTemplates } from "../../domain/templates/index.js";
import type { CliIo } from "../cli-io.js";
import { langOption } from "../lang-option.js";

/** `tropa templates`: the built-in stage models and examples, as a table or JSON. */
export function registerTemplates(program: Command, io: CliIo): void {
  program
    .command("templates")
    .description("list the built-in map templates")
    .addOption(langOption())
    .addOption(new Option("--format <format>", "output format").choices(["table", "json"]).default("table"))
    .action((options: { lang: Lang; format: "table" | "json" }) => {
      const templates = listTemplates().map((template) => ({
        id: template.id,
        kind: template.kind,
        name: template.name[options.lang],
        description: template.description[options.lang],
        stageCount: template.stageCount,
      }));
      if (options.format === "json") {
        io.out(`${JSON.stringify(templates, null, 2)}\n`);
        return;
      }
      const rows = [
        ["ID", "KIND", "STAGES", "NAME"],
        ...templates.map((t) => [t.id, t.kind, String(t.stageCount), t.name]),
      ];
      const widths = [0, 1, 2].map((column) => Math.max(...rows.map((row) => (row[column] ?? "").length)));
      for (const row of rows) {
        io.out(`${row.map((cell, i) => (i < 3 ? cell.padEnd(widths[i] ?? 0) : cell)).join("  ")}\n`);
      }
    });
}
