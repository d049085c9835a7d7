// A dev chain in memory for runtime tests: genesis state, an executive, and blocks built on top.
import { Keyring } from "@polkadot/keyring";
import { Metadata, TypeRegistry } from "@polkadot/types";
import { buildBlock, type BuiltBlock } from "../../consensus/block-builder.js";
import { devSpec } from "../../genesis/chain-spec.js";
import { genesisBlock } from "../../genesis/genesis-state.js";
import { headerHash } from "../../primitives/header.js";
import { runtime } from "../../runtime/index.js";
import { auraPreDigest, slotAt } from "../../runtime/pallets/aura/index.js";
import { RuntimeApi } from "../../runtime/runtime-api.js";
import { MemoryStorage } from "../../state/memory-storage.js";
import { OverlayedChanges } from "../../state/overlay.js";
import { trieRoot } from "../../state/trie/trie-root.js";
import { referenceRegistry } from "../primitives/reference.js";

export const keyring = new Keyring({ type: "sr25519", ss58Format: 42 });
export const alice = keyring.addFromUri("//Alice");
export const bob = keyring.addFromUri("//Bob");
export const charlie = keyring.addFromUri("//Charlie");

/** A chain of blocks kept in memory; each block is built by our block builder over the previous state. */
export class TestChain {
  readonly genesis = genesisBlock(runtime, devSpec());
  readonly api = new RuntimeApi(runtime, this.genesis.hash);
  state: MemoryStorage = this.genesis.storage;
  bestHash = this.genesis.hash;
  bestNumber = 0;
  timestamp = 1_700_000_000_000n;

  /** Builds, and applies to `state`, the next block with these extrinsics. */
  block(extrinsics: Uint8Array[], author?: Uint8Array): BuiltBlock & { hash: Uint8Array } {
    this.timestamp += 6000n;
    const base = this.state;
    const built = buildBlock(
      this.api.executive, base,
      { parentHash: this.bestHash, number: this.bestNumber + 1, timestamp: this.timestamp, logs: [auraPreDigest(slotAt(this.timestamp))], author },
      extrinsics,
      (changes) => {
        const next = new MemoryStorage(base.entries());
        next.apply(changes);
        return trieRoot(next.entries());
      },
    );
    const next = new MemoryStorage(base.entries());
    next.apply(built.changes);
    this.state = next;
    const hash = headerHash(built.header);
    this.bestHash = hash;
    this.bestNumber += 1;
    return { ...built, hash };
  }

  /** An overlay over the current state, for reading storage in assertions. */
  view(): OverlayedChanges {
    return new OverlayedChanges(this.state);
  }

  /** @polkadot/types registry built from *our* metadata: the oracle for what clients decode. */
  ourRegistry(): TypeRegistry {
    const registry = new TypeRegistry();
    const md = new Metadata(registry, this.api.metadata.metadata());
    registry.setMetadata(md, undefined, { ContractIdProvides: { extrinsic: {}, payload: {} } });
    return registry;
  }

  /** Signs `method(args)` with @polkadot/types against TFChain 2.9's reference metadata. */
  sign(pair: ReturnType<Keyring["addFromUri"]>, section: string, method: string, args: unknown[], opts: { nonce: number; tip?: bigint }): Uint8Array {
    const { registry } = referenceRegistry();
    const call = registry.createType("Call", { callIndex: callIndex(registry, section, method), args: argObject(registry, section, method, args) });
    const xt = registry.createType("Extrinsic", call);
    xt.sign(pair, {
      blockHash: this.genesis.hash,
      genesisHash: this.genesis.hash,
      nonce: opts.nonce,
      tip: opts.tip ?? 0n,
      runtimeVersion: { specVersion: 152, transactionVersion: 2 } as any,
    } as any);
    return xt.toU8a();
  }
}

function callIndex(registry: TypeRegistry, section: string, method: string): Uint8Array {
  const meta = registry.metadata.pallets.find((p) => p.name.toString() === section)!;
  const calls = registry.lookup.getSiType(meta.calls.unwrap().type).def.asVariant.variants;
  const v = calls.find((c) => c.name.toString() === method)!;
  return Uint8Array.from([meta.index.toNumber(), v.index.toNumber()]);
}

function argObject(registry: TypeRegistry, section: string, method: string, args: unknown[]): Record<string, unknown> {
  const meta = registry.metadata.pallets.find((p) => p.name.toString() === section)!;
  const calls = registry.lookup.getSiType(meta.calls.unwrap().type).def.asVariant.variants;
  const v = calls.find((c) => c.name.toString() === method)!;
  return Object.fromEntries(v.fields.map((f, i) => [f.name.unwrap().toString(), args[i]]));
}
