// Starts timeline-worker.ts in a worker thread: like bin/tropa.mjs, tsx compiles it on the fly.
import { fileURLToPath } from "node:url";
import { register } from "tsx/esm/api";

register({ tsconfig: fileURLToPath(new URL("../../../tsconfig.json", import.meta.url)) });
await import("./timeline-worker.ts");
