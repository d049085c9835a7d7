// Generates test/vectors/tfchain-extrinsics.json with @polkadot/types + @polkadot/keyring (not our encoder).
// Run from the project root: npx tsx test/vectors/generate-extrinsics.ts
import fs from "node:fs";
import { Keyring } from "@polkadot/keyring";
import { cryptoWaitReady } from "@polkadot/util-crypto";
import { u8aToHex } from "@polkadot/util";
import { referenceRegistry } from "../primitives/reference.js";
await cryptoWaitReady();
const { registry } = referenceRegistry();
const genesis = "0x" + "a1".repeat(32);
const birth = "0x" + "b2".repeat(32);
const out: any[] = [];
for (const type of ["sr25519", "ed25519", "ecdsa"] as const) {
  const pair = new Keyring({ type }).addFromUri("//Alice");
  for (const [label, call, era, nonce, tip, blockHash] of [
    ["transfer_keep_alive, immortal", registry.createType("Call", { callIndex: [20, 3], args: { dest: { Id: pair.address }, value: 10_000_000n } }), registry.createType("ExtrinsicEra"), 0, 0, genesis],
    ["transfer_keep_alive, mortal 64 at 1000, tip", registry.createType("Call", { callIndex: [20, 3], args: { dest: { Id: "5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty" }, value: 123456789012345678901234567n } }), registry.createType("ExtrinsicEra", { current: 1000, period: 64 }), 7, 1_000_000, birth],
    ["remark of 1000 bytes, mortal 2400 at 123456", registry.createType("Call", { callIndex: [0, 0], args: { remark: new Uint8Array(1000).map((_, i) => i & 0xff) } }), registry.createType("ExtrinsicEra", { current: 123456, period: 2400 }), 4294967295, 0, birth],
  ] as const) {
    const ext = registry.createType("Extrinsic", call);
    ext.sign(pair, { blockHash, genesisHash: genesis, nonce, tip, era, runtimeVersion: { specVersion: 152, transactionVersion: 2 } as any } as any);
    out.push({ description: `${type} ${label}`, scheme: type, extrinsic: ext.toHex(), call: call.toHex(), signer: u8aToHex(pair.addressRaw), nonce, tip: String(tip), era: ext.era.toHex(), specVersion: 152, txVersion: 2, genesisHash: genesis, birthHash: blockHash });
  }
}
const unsigned = registry.createType("Extrinsic", registry.createType("Call", { callIndex: [1, 0], args: { now: 1_700_000_000_000 } }));
out.push({ description: "unsigned Timestamp.set (inherent)", extrinsic: unsigned.toHex(), call: unsigned.method.toHex() });
fs.writeFileSync("test/vectors/tfchain-extrinsics.json", JSON.stringify(out, null, 1) + "\n");
console.log(out.length);
