import { strict as assert } from "node:assert";
import { keyFromUri } from "../../primitives/crypto/keyring.js";
import { decodeExtrinsic, encodeExtrinsic } from "../../primitives/extrinsic.js";
import type { SignatureJob } from "../../txpool/signature-batch.js";
import { SignatureVerifier } from "../../txpool/signature-workers.js";
import { alice, PoolChain, rejection } from "./fixture.js";

function job(scheme: "sr25519" | "ed25519" | "ecdsa", i: number, valid = true): SignatureJob {
  const key = keyFromUri(`//Worker${i}`, scheme);
  const payload = Uint8Array.from({ length: 40 + (i % 200) }, (_, k) => (k * 7 + i) & 0xff);
  const value = key.sign(payload);
  if (!valid) value[5]! ^= 0x10;
  const tag = scheme === "sr25519" ? "Sr25519" : scheme === "ed25519" ? "Ed25519" : "Ecdsa";
  return { signature: { tag, value }, payload, signer: key.accountId };
}

describe("txpool: signature workers", function () {
  this.timeout(60_000);

  it("verify on worker threads, in batches, every scheme", async () => {
    const verifier = new SignatureVerifier(2);
    try {
      const schemes = ["sr25519", "ed25519", "ecdsa"] as const;
      const jobs = Array.from({ length: 120 }, (_, i) => job(schemes[i % 3]!, i, i % 5 !== 0));
      const results = await Promise.all(jobs.map((j) => verifier.verify(j)));
      results.forEach((ok, i) => assert.equal(ok, i % 5 !== 0, `job ${i}`));
      assert.deepEqual(verifier.stats, { onWorkers: 120, onMainThread: 0 });
    } finally {
      await verifier.close();
    }
  });

  it("verify a lost worker's signatures on the main thread and replace the worker", async () => {
    const verifier = new SignatureVerifier(1);
    try {
      await verifier.ready();
      const pending = Array.from({ length: 20 }, (_, i) => verifier.verify(job("sr25519", i, i !== 3)));
      await new Promise((r) => setImmediate(r));
      await (verifier as unknown as { slots: { worker: { terminate(): Promise<number> } }[] }).slots[0]!.worker.terminate();
      const results = await Promise.all(pending);
      results.forEach((ok, i) => assert.equal(ok, i !== 3, `job ${i}`));
      assert.equal(verifier.workerCount, 1, "replaced");
      assert.equal(await verifier.verify(job("sr25519", 99)), true);
    } finally {
      await verifier.close();
    }
  });

  it("catch a tampered signature on the pool's worker path", async () => {
    const chain = new PoolChain();
    const pool = chain.pool({ signatureWorkers: 2 });
    try {
      const good = chain.transfer(alice, { nonce: 0 });
      const xt = decodeExtrinsic(chain.transfer(alice, { nonce: 1 }));
      const sig = xt.signed!.signature.value.slice();
      sig[40]! ^= 0x04;
      const bad = encodeExtrinsic({ call: xt.call, signed: { ...xt.signed!, signature: { tag: "Sr25519", value: sig } } });
      const [ok, err] = await Promise.all([pool.submit(good), rejection(pool.submit(bad))]);
      assert.equal(ok.length, 32);
      assert.deepEqual(err, { code: 1010, message: "Invalid Transaction", data: "Transaction has a bad signature" });
      assert.deepEqual(pool.signatureStats(), { onWorkers: 2, onMainThread: 0 });
      assert.equal(pool.status().ready, 1);
    } finally {
      await pool.close();
    }
  });
});
