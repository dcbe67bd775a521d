const CANDIDATES = [",", ";", "\t"] as const;
const SAMPLE_LINES = 20;

/**
 * Picks the delimiter from the first lines of a CSV: the candidate that splits every sampled line
 * into the same number of fields (counting outside quotes), preferring more fields; when none is
 * consistent, the one most frequent in the header. Russian Excel writes `;`, Excel "Unicode text" tabs.
 */
export function detectDelimiter(sample: string): string {
  const lines = sample.split(/\r\n|\n|\r/).filter((line) => line.trim() !== "");
  const complete = lines.length > 1 ? lines.slice(0, Math.min(SAMPLE_LINES, lines.length - 1)) : lines;
  let best: string = ",";
  let bestScore = -1;
  for (const delimiter of CANDIDATES) {
    const counts = complete.map((line) => countOutsideQuotes(line, delimiter));
    const first = counts[0] ?? 0;
    const consistent = first > 0 && counts.every((n) => n === first);
    const score = consistent ? 1000 + first : first;
    if (score > bestScore) {
      best = delimiter;
      bestScore = score;
    }
  }
  return best;
}

function countOutsideQuotes(line: string, delimiter: string): number {
  let count = 0;
  let inQuotes = false;
  for (const ch of line) {
    if (ch === '"') inQuotes = !inQuotes;
    else if (ch === delimiter && !inQuotes) count += 1;
  }
  return count;
}
