// Aura sealing as `npm start` runs it: a block per 6 s slot, sealed by Alice, seal checked by an independent verifier.
import { strict as assert } from "node:assert";
import { sr25519Verify } from "@polkadot/util-crypto";
import { blake2AsU8a } from "@polkadot/util-crypto";
import { ApiPromise, Keyring, WsProvider } from "@polkadot/api";
import { startNode, waitFor } from "./node-process.js";

describe("e2e: Aura sealing", function () {
  this.timeout(120_000);

  it("authors a block per 6 s slot with PreRuntime and Seal digests that verify against Alice's key", async () => {
    const node = await startNode(["--dev"]);
    const api: any = await ApiPromise.create({ provider: new WsProvider(node.wsUrl), noInitWarn: true });
    try {
      await waitFor("three blocks", async () => ((await api.rpc.chain.getHeader()).number.toNumber() >= 3 ? true : undefined), 60_000);
      const alice = new Keyring({ type: "sr25519" }).addFromUri("//Alice");
      const slots: bigint[] = [];
      for (let n = 1; n <= 3; n++) {
        const hash = await api.rpc.chain.getBlockHash(n);
        const header = await api.rpc.chain.getHeader(hash);
        const logs = header.digest.logs;
        const pre = logs.find((l: any) => l.isPreRuntime);
        const seal = logs.find((l: any) => l.isSeal);
        assert.ok(pre && seal, `block ${n} carries aura PreRuntime and Seal items`);
        assert.equal(Buffer.from(pre.asPreRuntime[0].toU8a()).toString(), "aura");
        // The seal signs the hash of the header without the seal.
        const unsealed = api.registry.createType("Header", { ...header.toJSON(), digest: { logs: logs.filter((l: any) => !l.isSeal).map((l: any) => l.toJSON()) } });
        const preHash = blake2AsU8a(unsealed.toU8a(), 256);
        assert.ok(sr25519Verify(preHash, seal.asSeal[1].toU8a(true), alice.publicKey), `block ${n}: Alice's seal verifies`);
        const slot = Buffer.from(pre.asPreRuntime[1].toU8a(true)).readBigUInt64LE(0);
        const now = (await api.query.timestamp.now.at(hash)).toBigInt();
        assert.equal(now / 6000n, slot, `block ${n}: its timestamp lies in its slot`);
        slots.push(slot);
      }
      assert.equal(slots[1]! - slots[0]!, 1n, "one block per slot");
      assert.equal(slots[2]! - slots[1]!, 1n, "one block per slot");
    } finally {
      await api.disconnect();
      await node.stop();
    }
  });
});
