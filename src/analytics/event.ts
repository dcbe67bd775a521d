/** The event schema lives in the domain so the server, CLI and web share it. */
export {
  type EventRecord,
  type EventRecordInput,
  eventRecordSchema,
} from "../domain/analytics/event-record.js";
