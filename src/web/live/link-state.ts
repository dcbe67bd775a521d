/**
 * The editor's link to the live document on the server.
 * - connecting: before the first sync; the map from the first paint is shown but cannot be edited yet.
 * - live: connected and synced; edits go out as they are made.
 * - offline: the connection dropped after a sync; edits are kept and sent when it returns.
 * - unreachable: no connection could be made yet (server down, proxy without WebSockets); still retrying.
 * - refused: the server closed the connection for good (`code`: 4401 signed out, 4403 not allowed,
 *   4404 map gone, 4413 too large).
 */
export type LinkState =
  | { kind: "connecting" }
  | { kind: "live" }
  | { kind: "offline" }
  | { kind: "unreachable" }
  | { kind: "refused"; code: number };

/** Failed attempts before the first sync after which the user is told the editor cannot connect. */
export const ATTEMPTS_BEFORE_UNREACHABLE = 3;
