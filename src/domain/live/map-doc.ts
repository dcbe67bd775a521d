/**
 * The map ↔ Y.Doc binding shared by the live server and the web editor.
 *
 * An editor never seeds a doc itself: it waits until the provider is synced with the server (which creates
 * the doc from the stored map), then after each local edit writes the edited map into the doc as a diff
 * (`LiveMapDoc.write`) and re-renders from `LiveMapDoc.read` on every remote update. Two docs seeded
 * separately would hold two copies of everything.
 */
export { MAP_ROOT } from "./doc-shape.js";
export { LiveMapDoc } from "./live-map-doc.js";
export { readMapFromDoc } from "./read-map-from-doc.js";
export { writeMapToDoc } from "./write-map-to-doc.js";
