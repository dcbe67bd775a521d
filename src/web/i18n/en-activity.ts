import type { TranslationTree } from "./translation-tree.js";

/**
 * The activity log of maps and workspaces. Each line reads "<name> <phrase>", so phrases start with
 * the verb; `actions` follow the action names of src/domain/team/activity.ts, `changes` the kinds of
 * src/domain/team/map-changes.ts.
 */
export const enActivity = {
  button: "Activity",
  drawerTitle: "Activity",
  drawerIntro: "Who changed what in this map, newest first.",
  pageTitle: "Activity",
  pageSubtitle: "Who changed what in “{{workspace}}” and its maps, newest first.",
  empty: "Nothing has happened here yet.",
  loadMore: "Load more",
  loading: "Loading…",
  notAllowed: "Only editors and owners see the activity log.",
  someone: "Someone",
  /** Between the name and the phrase. */
  separator: " ",
  justNow: "just now",
  openMap: "Open map “{{title}}”",
  roles: { owner: "owner", editor: "editor", commenter: "commenter", viewer: "viewer" },
  actions: {
    map: {
      created: "created the map “{{title}}”",
      edited: "edited the map “{{title}}”",
      deleted: "deleted the map “{{title}}”",
      restored: "restored version {{revision}} of “{{title}}”",
      imported: "imported the map “{{title}}” from a file",
    },
    persona: {
      saved: "saved the persona “{{name}}”",
      deleted: "deleted the persona “{{name}}”",
    },
    comment: {
      added: "commented on “{{title}}”",
      resolved: "resolved a comment on “{{title}}”",
      reopened: "reopened a comment on “{{title}}”",
    },
    share: {
      created: "created a public link to “{{title}}”",
      revoked: "revoked a public link to “{{title}}”",
    },
    member: {
      invited: "created an invitation to join as {{role}}",
      joined: "joined the workspace as {{role}}",
      role_changed: "changed the role of {{member}} to {{role}}",
      removed: "removed {{member}} from the workspace",
      left: "left the workspace",
    },
    events: {
      imported_one: "imported {{count}} event from {{filename}}",
      imported_other: "imported {{count}} events from {{filename}}",
    },
    workspace: {
      created: "created the workspace “{{name}}”",
      renamed: "renamed the workspace “{{from}}” to “{{to}}”",
    },
  },
  madeChanges_one: "made {{count}} change",
  madeChanges_other: "made {{count}} changes",
  changes: {
    "title-changed": "renamed the map from “{{from}}” to “{{text}}”",
    "description-changed": "changed the map’s description",
    "settings-changed": "changed the map’s segment or state",
    "personas-changed": "changed the map’s personas",
    "funnel-changed": "changed the funnel settings",
    reviewed: "marked the map reviewed",
    "stage-added": "added the stage “{{stage}}”",
    "stage-renamed": "renamed the stage “{{from}}” to “{{stage}}”",
    "stage-edited": "edited the stage “{{stage}}”",
    "stage-moved": "moved the stage “{{stage}}”",
    "stage-removed": "removed the stage “{{stage}}”",
    "lane-added": "added the lane “{{lane}}”",
    "lane-renamed": "renamed the lane “{{from}}” to “{{lane}}”",
    "lane-moved": "moved the lane “{{lane}}”",
    "lane-removed": "removed the lane “{{lane}}”",
    "card-added": "added a card “{{text}}” to {{stage}}",
    "card-added_empty": "added a card to {{stage}}",
    "card-edited": "edited the card “{{text}}” in {{stage}}",
    "card-edited_empty": "edited a card in {{stage}}",
    "card-moved": "moved the card “{{text}}” to {{stage}}",
    "card-moved_empty": "moved a card to {{stage}}",
    "card-removed": "removed the card “{{text}}” from {{stage}}",
    "card-removed_empty": "removed a card from {{stage}}",
    "emotion-changed": "changed the emotion at {{stage}}",
    "emotion-changed_empty": "changed the emotion curves",
    "metrics-changed": "changed the numbers at {{stage}}",
    "metrics-changed_empty": "changed the metric rows",
    more_one: "and {{count}} more change",
    more_other: "and {{count}} more changes",
  },
} satisfies TranslationTree;
