/** What the save indicator says; "conflict" stops autosave until the user reloads. */
export type SaveState = "saved" | "unsaved" | "saving" | "error" | "conflict";
