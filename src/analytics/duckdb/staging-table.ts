/**
 * The staged rows with their dedupe base key; the bulk loaders fill it straight from the file
 * with the same key (BASE_KEY_SQL), the JS path from `staged_rows`. `seq` (the row's place in the
 * file) may be NULL: the bulk loaders leave it out, since numbering the rows (`WITH ORDINALITY`)
 * made staging a 1M-row CSV 1.7× slower on two cores, and the dedupe does not need it: it only
 * numbers rows of identical content, and which of two identical rows gets which number does not
 * show.
 */
export const CREATE_STAGING = `
CREATE TEMP TABLE staging_events (
  seq INTEGER, person VARCHAR, time DOUBLE, event VARCHAR, properties VARCHAR, source VARCHAR, id VARCHAR,
  base_key VARCHAR
)`;

/**
 * The dedupe key before the occurrence number: `id:<id>` when the source has ids, otherwise a hash
 * of the content. Reads the staging columns by name.
 */
export const BASE_KEY_SQL = `CASE WHEN id IS NOT NULL THEN 'id:' || id
  ELSE 'h:' || md5(concat_ws(chr(0), person, CAST(time AS BIGINT), event, properties, source)) END`;
