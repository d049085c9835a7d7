/**
 * The genesis state and block of a chain spec: every pallet's genesis build over an empty storage.
 */
import { encodeHeader, headerHash, type Header } from "../primitives/header.js";
import { MemoryStorage } from "../state/memory-storage.js";
import { EMPTY_TRIE_ROOT, trieRoot } from "../state/trie/trie-root.js";
import type { Runtime } from "../runtime/runtime.js";
import type { ChainSpec } from "./chain-spec.js";

/** Runs each pallet's genesis build, in runtime order, into a fresh storage (or takes a raw spec's storage). */
export function buildGenesisStorage(runtime: Runtime, spec: ChainSpec): MemoryStorage {
  if (spec.rawGenesis) return new MemoryStorage(spec.rawGenesis);
  const io = new MemoryStorage();
  for (const pallet of runtime.pallets) pallet.genesis?.(io, spec.genesis);
  return io;
}

export interface GenesisBlock {
  header: Header;
  hash: Uint8Array;
  encodedHeader: Uint8Array;
  storage: MemoryStorage;
}

/** Block 0: no parent, no extrinsics, the genesis state's root. */
export function genesisBlock(runtime: Runtime, spec: ChainSpec): GenesisBlock {
  const storage = buildGenesisStorage(runtime, spec);
  const header: Header = {
    parentHash: new Uint8Array(32),
    number: 0,
    stateRoot: trieRoot(storage.entries()),
    extrinsicsRoot: EMPTY_TRIE_ROOT,
    digest: { logs: [] },
  };
  return { header, hash: headerHash(header), encodedHeader: encodeHeader(header), storage };
}
