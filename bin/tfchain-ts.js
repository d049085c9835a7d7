#!/usr/bin/env node
// The `tfchain-ts` command: loads the TypeScript sources through tsx (no build step) and runs the CLI.
import { register } from "tsx/esm/api";

register();
// libp2p needs Promise.withResolvers (Node 22) before it loads.
await import("../p2p/polyfill.ts");
const { main } = await import("../node/cli.ts");
process.exitCode = await main(process.argv.slice(2));
