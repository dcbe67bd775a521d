import { requestMapEarly } from "./map-editor/early-map-request.js";

// Its own entry script, listed before main.tsx in index.html, so it runs before the app bundle is evaluated.
requestMapEarly(window.location.hash);
