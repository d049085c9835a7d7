/**
 * What the node benchmarks share: signing for the dev chain, submitting a batch of extrinsics over one
 * WebSocket and waiting until the pool has put them all in blocks, reading storage over RPC.
 */
import WebSocket from "ws";
import { keyFromUri, type KeyPair } from "../primitives/crypto/keyring.js";
import { Era } from "../primitives/era.js";
import { signExtrinsic } from "../primitives/extrinsic.js";
import { devSpec } from "../genesis/chain-spec.js";
import { genesisBlock } from "../genesis/genesis-state.js";
import { runtime } from "../runtime/index.js";
import { storage as systemStorage } from "../runtime/pallets/system/storage.js";
import { rpc, type NodeProcess } from "../test/e2e/node-process.js";

export const hex = (b: Uint8Array) => `0x${Buffer.from(b).toString("hex")}`;

export interface Sender {
  key: KeyPair;
  nonce: number;
}

/** A sender for `//Alice//<path>`-style URIs, nonce from 0. */
export const sender = (uri: string): Sender => ({ key: keyFromUri(uri), nonce: 0 });

/** Signs `Pallet.call(args)` for the dev chain, immortal, with the sender's next nonce. */
export function devSigner(): (from: Sender, pallet: string, name: string, args: Record<string, unknown>) => string {
  const genesis = genesisBlock(runtime, devSpec()).hash;
  const additional = { specVersion: 152, txVersion: 2, genesisHash: genesis, birthHash: genesis };
  return (from, pallet, name, args) => {
    const call = runtime.callSchema.enc({ tag: pallet, value: { tag: name, value: args } });
    return hex(signExtrinsic(call, from.key, { era: Era.immortal, nonce: from.nonce++, tip: 0n }, additional).encoded);
  };
}

export async function openSocket(node: NodeProcess): Promise<WebSocket> {
  const ws = new WebSocket(node.wsUrl);
  await new Promise((r) => ws.once("open", r));
  return ws;
}

/**
 * Submits every extrinsic at once, waits for all answers and for the pool to drain into blocks; counts
 * failed extrinsics in the new blocks' events.
 */
export async function submitAndWait(ws: WebSocket, node: NodeProcess, xts: string[]): Promise<{ perSecond: number; blocks: number; failed: number }> {
  const startBlock = (await rpc(node, "chain_getHeader", [])).result.number;
  const t = performance.now();
  let answered = 0;
  const refusals: string[] = [];
  const done = new Promise<void>((resolve) => {
    const onMessage = (m: WebSocket.RawData) => {
      const reply = JSON.parse(String(m));
      if (reply.error) refusals.push(reply.error.message);
      if (++answered === xts.length) {
        ws.off("message", onMessage);
        resolve();
      }
    };
    ws.on("message", onMessage);
  });
  xts.forEach((x, id) => ws.send(JSON.stringify({ jsonrpc: "2.0", id, method: "author_submitExtrinsic", params: [x] })));
  await done;
  if (refusals.length) throw new Error(`bench: ${refusals.length} submissions refused, e.g. ${refusals[0]}`);
  for (;;) {
    const pending = await rpc(node, "author_pendingExtrinsics", []);
    if (pending.result.length === 0) break;
    if (performance.now() - t > 300_000) throw new Error("bench: extrinsics not included within 300 s");
    await new Promise((r) => setTimeout(r, 10));
  }
  const ms = performance.now() - t;
  const endBlock = Number((await rpc(node, "chain_getHeader", [])).result.number);
  let failed = 0;
  for (let n = Number(startBlock) + 1; n <= endBlock; n++) failed += await failuresIn(node, n);
  return { perSecond: (xts.length / ms) * 1000, blocks: endBlock - Number(startBlock), failed };
}

async function failuresIn(node: NodeProcess, number: number): Promise<number> {
  const hash = (await rpc(node, "chain_getBlockHash", [number])).result;
  const raw = (await rpc(node, "state_getStorage", [hex(systemStorage.Events.key()), hash])).result;
  const events = systemStorage.Events.value.dec(Buffer.from(raw.slice(2), "hex")) as { event: { value: { tag: string } } }[];
  return events.filter((e) => e.event.value.tag === "ExtrinsicFailed").length;
}

export async function readStorage<T>(node: NodeProcess, key: Uint8Array, decode: (raw: Uint8Array) => T): Promise<T> {
  const raw = (await rpc(node, "state_getStorage", [hex(key)])).result;
  return decode(Buffer.from(raw.slice(2), "hex"));
}
