// Entry of a signature worker thread. Worker threads do not inherit the parent's TypeScript loader, so this
// plain module registers tsx before loading the worker's TypeScript body.
import { register } from "tsx/esm/api";

register();
await import("./signature-worker.ts");
