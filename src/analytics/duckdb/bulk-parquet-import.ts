import type { DuckDBConnection } from "@duckdb/node-api";
import type { BulkParquetRequest } from "../import/bulk-parquet-store.js";
import { type Column, type Layout, quote, readLayout, timeSql } from "../import/read-parquet-events.js";
import { jsTrim, numberJson, plainPropertyName, sqlText, textJson, validName } from "./bulk-csv-import.js";
import { type BulkRows, DECLINE_ROW } from "./bulk-rows.js";
import { SqlParams } from "./sql-params.js";

/**
 * Reads a Parquet file with DuckDB's `read_parquet` for the store to append, mapping and validating
 * in SQL exactly as the JS reader does (read-parquet-events.ts), without passing rows through JS.
 * Only the common layout is taken: timestamp or date times, no `properties` or `source` column,
 * extra columns of text, integer, DOUBLE, DECIMAL or BOOLEAN type. Anything else, and any bad
 * row, makes the file go through the JS reader, which also reports the precise
 * `file:row:column: reason`.
 */

/** Extra-column types whose JSON.stringify text SQL gives exactly. */
const INTEGER_TYPES = /^(TINYINT|SMALLINT|INTEGER|BIGINT|UTINYINT|USMALLINT|UINTEGER)$/;
const OTHER_PLAIN_TYPES = /^(VARCHAR|DOUBLE|DECIMAL\(\d+,\d+\)|BOOLEAN)$/;

/**
 * The way to read the Parquet file in bulk (one), or undefined when it must go through the JS
 * reader. Any bad row aborts the statement, and the JS reader then reports it.
 */
export async function bulkParquetRows(
  connection: DuckDBConnection,
  request: BulkParquetRequest,
): Promise<BulkRows[] | undefined> {
  let layout: Layout;
  try {
    layout = await readLayout(connection, request.file, { file: request.name, mapping: request.mapping });
  } catch {
    // Not readable, or a mapped column is missing: the JS reader reports it.
    return undefined;
  }
  if (!qualifies(layout)) return undefined;
  const params = new SqlParams();
  const sql = rowsSql(layout, request, params);
  return [{ sql, params: params.values }];
}

function qualifies(layout: Layout): boolean {
  return (
    !layout.properties &&
    !layout.source &&
    /^(TIMESTAMP|DATE)/.test(layout.time.type) &&
    layout.extra.every((column) => isPlainType(column.type) && plainPropertyName(column.name))
  );
}

function isPlainType(type: string): boolean {
  return INTEGER_TYPES.test(type) || OTHER_PLAIN_TYPES.test(type);
}

function rowsSql(layout: Layout, request: BulkParquetRequest, params: SqlParams): string {
  const text = (column: Column): string => jsTrim(`CAST(${quote(column)} AS VARCHAR)`);
  const json = layout.extra.map((column, i) => `, ${propertyJson(column)} AS j${i}`);
  const parts = layout.extra.map(
    (column, i) => `CASE WHEN j${i} <> '' THEN ${sqlText(`${JSON.stringify(column.name)}:`)} || j${i} END`,
  );
  const checks = [
    validName("person"),
    validName("event"),
    "time IS NOT NULL",
    ...layout.extra.map((_, i) => `j${i} IS NOT NULL`),
  ];
  return `
SELECT CASE WHEN ${checks.join(" AND ")} THEN person ELSE ${DECLINE_ROW} END AS person, time, event,
       '{' || concat_ws(',', ${parts.length > 0 ? parts.join(", ") : "NULL"}) || '}' AS properties,
       ${params.bind(request.source)} AS source, id
FROM (
    SELECT ${text(layout.person)} AS person, ${text(layout.event)} AS event,
           CAST(${timeSql(layout.time)} AS DOUBLE) AS time,
           ${layout.id ? `nullif(${text(layout.id)}, '')` : "NULL::VARCHAR"} AS id${json.join("")}
    FROM read_parquet(${params.bind(request.file)})
)`;
}

/** The column's JSON.stringify text as a property; '' when null (no property); NULL when unsure. */
function propertyJson(column: Column): string {
  const v = quote(column);
  const value =
    column.type === "VARCHAR"
      ? textJson(v)
      : column.type === "DOUBLE" || column.type.startsWith("DECIMAL")
        ? numberJson(`CAST(${v} AS DOUBLE)`)
        : column.type === "BOOLEAN"
          ? `CASE WHEN ${v} THEN 'true' ELSE 'false' END`
          : integerJson(v, column);
  return `CASE WHEN ${v} IS NULL THEN '' ELSE ${value} END`;
}

/** Integers JSON.parse reads exactly and JSON.stringify prints without an exponent. */
function integerJson(v: string, column: Column): string {
  if (!INTEGER_TYPES.test(column.type)) return "NULL";
  return `CASE WHEN abs(CAST(${v} AS DOUBLE)) < 1e15 THEN CAST(${v} AS VARCHAR) END`;
}
