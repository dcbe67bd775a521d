/**
 * Finds where a JSON text first goes wrong. Node 20's JSON.parse messages only sometimes carry a
 * position, and never a line, so imports scan the text themselves to point the user at the spot.
 */
export function findJsonErrorOffset(text: string): number {
  const scanner = new JsonScanner(text);
  try {
    scanner.skipSpace();
    scanner.value();
    scanner.skipSpace();
    if (scanner.pos < text.length) return scanner.pos;
    return text.length;
  } catch (error) {
    if (error instanceof JsonSyntaxAt) return error.offset;
    throw error;
  }
}

/** Turns a character offset into 1-based line and column numbers. */
export function toLineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text[i] === "\n") {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

class JsonSyntaxAt extends Error {
  constructor(readonly offset: number) {
    super(`JSON syntax error at ${offset}`);
  }
}

class JsonScanner {
  pos = 0;
  constructor(private readonly text: string) {}

  skipSpace(): void {
    while (this.pos < this.text.length && " \t\n\r".includes(this.text[this.pos] ?? "")) this.pos++;
  }

  value(): void {
    const char = this.text[this.pos];
    if (char === "{") this.object();
    else if (char === "[") this.array();
    else if (char === '"') this.string();
    else if (char === "-" || (char !== undefined && char >= "0" && char <= "9")) this.number();
    else this.literal();
  }

  private literal(): void {
    const word = ["true", "false", "null"].find((candidate) => this.text.startsWith(candidate, this.pos));
    if (!word) throw new JsonSyntaxAt(this.pos);
    this.pos += word.length;
  }

  private expect(char: string): void {
    if (this.text[this.pos] !== char) throw new JsonSyntaxAt(this.pos);
    this.pos++;
  }

  private object(): void {
    this.expect("{");
    this.skipSpace();
    if (this.text[this.pos] === "}") {
      this.pos++;
      return;
    }
    for (;;) {
      this.skipSpace();
      this.string();
      this.skipSpace();
      this.expect(":");
      this.skipSpace();
      this.value();
      this.skipSpace();
      if (this.text[this.pos] === "}") {
        this.pos++;
        return;
      }
      this.expect(",");
    }
  }

  private array(): void {
    this.expect("[");
    this.skipSpace();
    if (this.text[this.pos] === "]") {
      this.pos++;
      return;
    }
    for (;;) {
      this.skipSpace();
      this.value();
      this.skipSpace();
      if (this.text[this.pos] === "]") {
        this.pos++;
        return;
      }
      this.expect(",");
    }
  }

  private string(): void {
    this.expect('"');
    while (this.pos < this.text.length) {
      const char = this.text[this.pos];
      if (char === '"') {
        this.pos++;
        return;
      }
      if (char === "\\") this.pos++;
      else if (char !== undefined && char < " ") throw new JsonSyntaxAt(this.pos);
      this.pos++;
    }
    throw new JsonSyntaxAt(this.pos);
  }

  private number(): void {
    const match = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(this.text.slice(this.pos, this.pos + 400));
    if (!match) throw new JsonSyntaxAt(this.pos);
    this.pos += match[0].length;
  }
}
