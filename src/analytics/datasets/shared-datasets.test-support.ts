import { existsSync } from "node:fs";
import path from "node:path";

/**
 * The public event logs of /work/shared/datasets (each folder's PROVENANCE.md gives the licence and
 * the publishers' figures). They are not in the repository, so a fresh clone elsewhere skips these
 * tests; CI sets TROPA_REQUIRE_DATASETS=1 so a missing folder fails instead of passing silently.
 */
export const DATASETS_DIR = process.env.TROPA_DATASETS_DIR ?? "/work/shared/datasets";
export const datasetsAvailable = existsSync(DATASETS_DIR);

if (!datasetsAvailable && process.env.TROPA_REQUIRE_DATASETS === "1") {
  throw new Error(
    `${DATASETS_DIR} is missing: copy the shared datasets there or set TROPA_DATASETS_DIR to their folder`,
  );
}

/** A suite title that says why it is skipped when the datasets are absent. */
export function datasetSuite(title: string): string {
  return datasetsAvailable
    ? title
    : `${title} — skipped: ${DATASETS_DIR} not found (set TROPA_DATASETS_DIR to the shared datasets)`;
}

export function datasetFile(folder: string, file: string): string {
  return path.join(DATASETS_DIR, folder, file);
}

export const DAY_MS = 24 * 60 * 60 * 1000;
