import { orderedTrieRoot } from "./state/trie/index.js";
import { createRequire } from "node:module";
const require = createRequire(import.meta.url);
for (const f of ["002", "003.00", "003.01", "004.immortal", "004.mortal", "005"]) {
  const j = require(`@polkadot/types-support/json/SignedBlock.${f}.json`);
  const b = (j.result ?? j).block;
  const r = "0x" + Buffer.from(orderedTrieRoot(b.extrinsics.map((x: string) => Buffer.from(x.slice(2), "hex")))).toString("hex");
  console.log(f, r === b.header.extrinsicsRoot, b.extrinsics);
}
