/**
 * The "plain DuckDB SQL" peer: stack-eval.md's (a1), an exact ClickHouse-windowFunnel formulation
 * with window functions only (s_k = start time of the latest chain that reaches step k; equal
 * timestamps ordered by step). Runs on the store's `events` view.
 */
export function plainDuckDbFunnelSql(steps: string[], windowDays: number): string {
  const window = `INTERVAL ${windowDays} DAY`;
  const cases = steps.map((event, k) => `WHEN '${event}' THEN ${k + 1}`).join(" ");
  const names = steps.map((event) => `'${event}'`).join(", ");
  const levels = steps.slice(1).map((_, i) => {
    const k = i + 2;
    return `l${k} AS (SELECT * EXCLUDE (p), CASE WHEN k = ${k} AND ts <= p + ${window} THEN p END AS s${k}
      FROM (SELECT *, last_value(s${k - 1} IGNORE NULLS) OVER w AS p FROM l${k - 1}
            WINDOW w AS (PARTITION BY person ORDER BY ts, k ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)))`;
  });
  const n = steps.length;
  const level = steps
    .map((_, i) => n - i)
    .map((k) => `WHEN count(s${k}) > 0 THEN ${k}`)
    .join(" ");
  const counts = steps.map((_, i) => `count(*) FILTER (level >= ${i + 1}) AS s${i + 1}`).join(", ");
  return `WITH e AS (SELECT person, time AS ts, CASE event ${cases} END AS k FROM events WHERE event IN (${names})),
  l1 AS (SELECT *, CASE WHEN k = 1 THEN ts END AS s1 FROM e),
  ${levels.join(",\n  ")},
  u AS (SELECT person, CASE ${level} ELSE 0 END AS level FROM l${n} GROUP BY person)
  SELECT ${counts} FROM u`;
}
