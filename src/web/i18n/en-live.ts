import type { TranslationTree } from "./translation-tree.js";

/** Live co-editing: connection state and presence. */
export const enLive = {
  status: {
    connecting: "Connecting…",
    saved: "Saved",
    saving: "Saving…",
    offline: "Offline — edits kept",
    unreachable: "Cannot connect",
    upToDate: "Up to date",
    refused: "Disconnected",
  },
  hint: {
    saved: "Everyone in this map sees your edits, and the server has stored them.",
    saving: "Your edits are on their way to the server.",
    offline: "The connection dropped. Keep working: your edits are kept and sent when it returns.",
  },
  banner: {
    unreachable:
      "Cannot connect to live editing, so this map is read-only for now. Tropa keeps trying; check your network, or whether a proxy blocks WebSockets.",
    refused: {
      "4401": "You were signed out. Sign in again to keep editing.",
      "4403": "You no longer have access to this map.",
      "4404": "This map was deleted.",
      "4413": "The last change was too large to send. Reload the page.",
      other: "The live connection was closed ({{code}}). Reload the page to reconnect.",
    },
    readOnly: "You can view and comment on this map",
    viewOnly: "You can view this map",
  },
  people: "People in this map",
  you: "{{name}} (you)",
  editing: "{{name}} is editing",
} satisfies TranslationTree;
