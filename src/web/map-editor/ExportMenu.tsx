import {
  Download,
  FileCode2,
  FileImage,
  FileJson,
  FileSpreadsheet,
  FileText,
  GitBranch,
  Table,
} from "lucide-react";
import { toApiError } from "../api/api-error.js";
import { api } from "../api/client.js";
import type { ExportFormat } from "../api/types.js";
import { useUiText } from "../i18n/ui-text.js";
import { MenuButton } from "../ui/MenuButton.js";
import { downloadName } from "./download-name.js";

interface Props {
  mapId: string;
  /** Exports read the stored map, so pending edits are saved first. */
  beforeExport: () => Promise<void>;
  onError: (message: string) => void;
}

const ICONS: Record<ExportFormat, typeof Download> = {
  json: FileJson,
  xlsx: FileSpreadsheet,
  csv: Table,
  md: FileText,
  mermaid: GitBranch,
  png: FileImage,
  pdf: FileCode2,
};

const EXTENSIONS: Record<ExportFormat, string> = {
  json: "json",
  xlsx: "xlsx",
  csv: "csv",
  md: "md",
  mermaid: "mmd",
  png: "png",
  pdf: "pdf",
};

export function ExportMenu({ mapId, beforeExport, onError }: Props) {
  const { t } = useUiText();

  const download = async (format: ExportFormat) => {
    try {
      await beforeExport();
      const response = await fetch(api.exportUrl(mapId, format));
      if (!response.ok) throw await toApiError(response);
      const blob = await response.blob();
      const link = document.createElement("a");
      link.href = URL.createObjectURL(blob);
      link.download = downloadName(response.headers.get("content-disposition"), `map.${EXTENSIONS[format]}`);
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
    } catch (error) {
      onError(
        t("export.failed", {
          format: t(`export.format.${format}`),
          message: error instanceof Error ? error.message : String(error),
        }),
      );
    }
  };

  return (
    <MenuButton
      label={t("export.button")}
      icon={<Download size={16} aria-hidden="true" />}
      items={(["json", "xlsx", "csv", "md", "mermaid", "png", "pdf"] as const).map((format) => {
        const Icon = ICONS[format];
        return {
          id: format,
          label: t(`export.format.${format}`),
          hint: `.${EXTENSIONS[format]}`,
          icon: <Icon size={16} aria-hidden="true" />,
          onSelect: () => void download(format),
        };
      })}
    />
  );
}
