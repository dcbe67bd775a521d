import { SaxesParser, type SaxesTagPlain } from "saxes";
import { ImportError } from "../../domain/errors.js";
import type { EventRecord } from "../event.js";
import { nameProblem, validName } from "./check-name.js";
import { EventBatches } from "./event-batches.js";
import { parseTime, TIME_FORMATS_HINT } from "./parse-time.js";
import type { RowProblems } from "./row-problems.js";

export type XesOptions = { file: string; source: string; problems: RowProblems };

const NAME = "concept:name";
const TIMESTAMP = "time:timestamp";
const ATTRIBUTE_TAGS = new Set(["string", "date", "int", "float", "boolean", "id", "list", "container"]);
/** Log-level blocks whose attributes are defaults and definitions, not data. */
const SKIPPED_BLOCKS = new Set(["global", "extension", "classifier"]);

type Position = { line: number; column: number };
type PendingEvent = Position & { attributes: Record<string, unknown> };
type Trace = Position & { attributes: Record<string, unknown>; events: PendingEvent[] };

/**
 * Events from an XES log (IEEE 1849), read as a stream: the trace's `concept:name` is the person,
 * each event's `concept:name` the event and `time:timestamp` the time; the event's other
 * attributes and the trace's (e.g. BPIC 2012's `AMOUNT_REQ`) become properties. Events are held
 * per trace until the trace closes, so memory stays at one trace.
 */
export async function* readXesEvents(
  text: AsyncIterable<string>,
  options: XesOptions,
): AsyncGenerator<EventRecord[]> {
  const batches = new EventBatches();
  const reader = new XesReader(options, batches);
  for await (const chunk of text) {
    reader.write(chunk);
    if (batches.full) yield batches.take();
  }
  reader.close();
  options.problems.finish();
  if (batches.size > 0) yield batches.take();
}

class XesReader {
  private readonly parser = new SaxesParser({ position: true });
  /** Open element names, innermost last. */
  private readonly open: string[] = [];
  private skipDepth = 0;
  private trace: Trace | undefined;
  private event: PendingEvent | undefined;

  constructor(
    private readonly options: XesOptions,
    private readonly batches: EventBatches,
  ) {
    this.parser.on("opentag", (tag) => this.openTag(tag as SaxesTagPlain));
    this.parser.on("closetag", (tag) => this.closeTag(tag.name));
  }

  write(chunk: string): void {
    this.guard(() => this.parser.write(chunk));
  }

  close(): void {
    this.guard(() => this.parser.close());
  }

  /** Malformed or truncated XML is not a bad row but a broken file: it always fails the import. */
  private guard(action: () => void): void {
    try {
      action();
    } catch (error) {
      if (error instanceof ImportError) throw error;
      const message = error instanceof Error ? error.message : String(error);
      const reason = message.replace(/^[^:]*:\d+:\d+: /, "");
      throw new ImportError(
        `${reason} (is the file truncated or not XES?)`,
        `${this.options.file}:${this.parser.line}:${this.parser.column}`,
      );
    }
  }

  private position(): Position {
    return { line: this.parser.line, column: this.parser.column };
  }

  private openTag(tag: SaxesTagPlain): void {
    const name = localName(tag.name);
    const parent = this.open[this.open.length - 1];
    this.open.push(name);
    if (this.skipDepth > 0 || SKIPPED_BLOCKS.has(name)) {
      this.skipDepth += 1;
      return;
    }
    if (name === "trace") this.trace = { ...this.position(), attributes: {}, events: [] };
    else if (name === "event") this.event = { ...this.position(), attributes: {} };
    else if (ATTRIBUTE_TAGS.has(name) && (parent === "event" || parent === "trace")) {
      const target = parent === "event" ? this.event : this.trace;
      const key = tag.attributes.key;
      if (target && key !== undefined) target.attributes[key] = attributeValue(name, tag.attributes.value);
    }
  }

  private closeTag(rawName: string): void {
    const name = localName(rawName);
    this.open.pop();
    if (this.skipDepth > 0) {
      this.skipDepth -= 1;
      return;
    }
    if (name === "event" && this.event) {
      if (this.trace) this.trace.events.push(this.event);
      else this.report(this.event, "event outside a trace", this.event.attributes);
      this.event = undefined;
    } else if (name === "trace" && this.trace) {
      this.emitTrace(this.trace);
      this.trace = undefined;
    }
  }

  private emitTrace(trace: Trace): void {
    const person = textOf(trace.attributes[NAME]);
    if (!validName(person)) {
      this.report(trace, `trace ${nameProblem(NAME, person)}`, trace.attributes);
      return;
    }
    const { [NAME]: _name, ...traceProperties } = trace.attributes;
    for (const pending of trace.events) {
      const event = this.toEvent(person, pending, traceProperties);
      if (event && !this.options.problems.failed) this.batches.add(event);
    }
  }

  private toEvent(
    person: string,
    pending: PendingEvent,
    traceProperties: Record<string, unknown>,
  ): EventRecord | undefined {
    const { [NAME]: rawName, [TIMESTAMP]: rawTime, ...own } = pending.attributes;
    const event = textOf(rawName);
    if (!validName(event))
      return this.report(pending, `event ${nameProblem(NAME, event)}`, pending.attributes);
    const time = typeof rawTime === "string" ? parseTime(rawTime) : undefined;
    if (time === undefined) {
      return this.report(
        pending,
        `${TIMESTAMP} ${JSON.stringify(rawTime ?? null)} is not a date or time; ${TIME_FORMATS_HINT}`,
        pending.attributes,
      );
    }
    const properties = { ...traceProperties, ...own };
    return { person, time, event, properties, source: this.options.source, id: null };
  }

  private report(where: Position, reason: string, row: unknown): undefined {
    this.options.problems.report(where.line, where.column, reason, row);
    return undefined;
  }
}

function localName(name: string): string {
  const colon = name.indexOf(":");
  return colon < 0 ? name : name.slice(colon + 1);
}

function textOf(value: unknown): string {
  return typeof value === "string" ? value.trim() : "";
}

/** Typed XES attributes keep their type; dates stay ISO text (only `time:timestamp` is the event time). */
function attributeValue(tag: string, value: string | undefined): unknown {
  if (value === undefined) return null;
  if (tag === "int" || tag === "float") {
    const n = Number(value);
    return Number.isFinite(n) ? n : value;
  }
  if (tag === "boolean") return value === "true";
  return value;
}
