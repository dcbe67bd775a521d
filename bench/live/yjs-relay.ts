import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import { type RawData, type WebSocket, WebSocketServer } from "ws";
import * as awarenessProtocol from "y-protocols/awareness";
import * as syncProtocol from "y-protocols/sync";
import * as Y from "yjs";
import type { JourneyMap } from "../../src/domain/journey-map.js";
import { writeMapToDoc } from "../../src/domain/live/map-doc.js";
import { RELAY_READY } from "./relay-process.js";

/*
 * The peer of the live bench: a bare y-websocket-style server, as the y-websocket README's example server
 * is. One in-memory Y.Doc per room (seeded from RELAY_MAPS_FILE, as Tropa seeds from the stored map),
 * sync and awareness relayed to everyone in the room; no auth, no origin check, no validation, no
 * persistence. Runs in its own process like the Tropa server, so both are measured the same way.
 */
const MESSAGE_SYNC = 0;
const MESSAGE_AWARENESS = 1;

interface Room {
  doc: Y.Doc;
  awareness: awarenessProtocol.Awareness;
  sockets: Set<WebSocket>;
}

const maps = JSON.parse(readFileSync(process.env.RELAY_MAPS_FILE ?? "", "utf8")) as Record<
  string,
  JourneyMap
>;
const rooms = new Map<string, Room>();

function roomOf(name: string): Room {
  const existing = rooms.get(name);
  if (existing) return existing;
  const doc = new Y.Doc();
  const seed = maps[name];
  if (seed) writeMapToDoc(doc, seed, "load");
  const awareness = new awarenessProtocol.Awareness(doc);
  awareness.setLocalState(null);
  const room: Room = { doc, awareness, sockets: new Set() };
  doc.on("update", (update: Uint8Array) => {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE_SYNC);
    syncProtocol.writeUpdate(encoder, update);
    broadcast(room, encoding.toUint8Array(encoder));
  });
  awareness.on("update", ({ added, updated, removed }: Record<string, number[]>) => {
    const changed = [...(added ?? []), ...(updated ?? []), ...(removed ?? [])];
    broadcast(room, awarenessMessage(awareness, changed));
  });
  rooms.set(name, room);
  return room;
}

function broadcast(room: Room, message: Uint8Array): void {
  for (const socket of room.sockets) socket.send(message);
}

function awarenessMessage(awareness: awarenessProtocol.Awareness, clients: number[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_AWARENESS);
  encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(awareness, clients));
  return encoding.toUint8Array(encoder);
}

function receive(room: Room, socket: WebSocket, data: RawData): void {
  const bytes = new Uint8Array(data as Buffer);
  const decoder = decoding.createDecoder(bytes);
  const encoder = encoding.createEncoder();
  const kind = decoding.readVarUint(decoder);
  if (kind === MESSAGE_SYNC) {
    encoding.writeVarUint(encoder, MESSAGE_SYNC);
    syncProtocol.readSyncMessage(decoder, encoder, room.doc, socket);
    if (encoding.length(encoder) > 1) socket.send(encoding.toUint8Array(encoder));
  } else if (kind === MESSAGE_AWARENESS) {
    awarenessProtocol.applyAwarenessUpdate(room.awareness, decoding.readVarUint8Array(decoder), socket);
  }
}

const wss = new WebSocketServer({ noServer: true });
const server = createServer((_request, response) => response.writeHead(404).end());
server.on("upgrade", (request, socket, head) => {
  const name = new URL(request.url ?? "/", "http://relay").pathname.split("/").pop() ?? "";
  wss.handleUpgrade(request, socket, head, (ws) => {
    const room = roomOf(name);
    room.sockets.add(ws);
    ws.on("message", (data) => receive(room, ws, data));
    ws.once("close", () => room.sockets.delete(ws));
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE_SYNC);
    syncProtocol.writeSyncStep1(encoder, room.doc);
    ws.send(encoding.toUint8Array(encoder));
    const present = [...room.awareness.getStates().keys()];
    if (present.length > 0) ws.send(awarenessMessage(room.awareness, present));
  });
});
server.listen(0, "127.0.0.1", () => {
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  process.stdout.write(`${RELAY_READY}http://127.0.0.1:${port}\n`);
});
process.once("SIGTERM", () => process.exit(0));
