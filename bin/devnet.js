#!/usr/bin/env node
// `npm run devnet -- --validators N`: a local network of validator processes (see node/devnet.ts).
import { register } from "tsx/esm/api";

register();
await import("../p2p/polyfill.ts");
const { runDevnet } = await import("../node/devnet.ts");
process.exitCode = await runDevnet(process.argv.slice(2));
