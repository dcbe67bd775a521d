export type NumberedLine = { line: number; content: string };

/**
 * The lines of a decoded text stream with their 1-based numbers, handed out one chunk's worth at a
 * time (so callers can batch without an await per line); the last line counts even without a
 * trailing newline.
 */
export async function* numberedLines(text: AsyncIterable<string>): AsyncGenerator<NumberedLine[]> {
  let pending = "";
  let line = 0;
  for await (const chunk of text) {
    const lines = (pending + chunk).split("\n");
    pending = lines.pop() ?? "";
    yield lines.map((content) => ({ line: ++line, content }));
  }
  if (pending !== "") yield [{ line: line + 1, content: pending }];
}
