import type { ImportPreview } from "../../domain/analytics/import-preview.js";
import { useUiText } from "../i18n/ui-text.js";

/** The file's first rows as read, then the events they become under the current mapping. */
export function ImportPreviewTable({ preview }: { preview: ImportPreview }) {
  const { t } = useUiText();
  return (
    <div className="preview-tables">
      {preview.columns.length > 0 && (
        <div className="table-scroll">
          <table className="data-table compact">
            <caption>{t("data.import.firstRows")}</caption>
            <thead>
              <tr>
                {preview.columns.map((column) => (
                  <th key={column} scope="col">
                    {column}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {preview.rows.map((row, index) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: file rows have no id of their own
                <tr key={index}>
                  {row.map((cell, column) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: columns are positional
                    <td key={column}>{cell}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {preview.events.length > 0 && (
        <div className="table-scroll">
          <table className="data-table compact">
            <caption>{t("data.import.asEvents")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("data.import.column.person")}</th>
                <th scope="col">{t("data.import.column.time")}</th>
                <th scope="col">{t("data.import.column.event")}</th>
                <th scope="col">{t("data.import.properties")}</th>
              </tr>
            </thead>
            <tbody>
              {preview.events.map((event, index) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: preview events may repeat exactly
                <tr key={index}>
                  <td>{event.person}</td>
                  <td>{new Date(event.time).toISOString().replace("T", " ").replace(".000Z", "Z")}</td>
                  <td>{event.event}</td>
                  <td className="props-cell">{JSON.stringify(event.properties)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
