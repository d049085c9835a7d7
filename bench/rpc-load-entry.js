// Entry of the RPC bench's load worker: worker threads do not inherit the parent's TypeScript loader, so this
// plain module registers tsx before loading the TypeScript body.
import { register } from "tsx/esm/api";

register();
await import("./rpc-load.ts");
