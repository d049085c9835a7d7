// Shared helpers of the GRANDPA tests: named dummy chains, real header trees, voter keys, signed votes.
import { toHex, utf8 } from "../../../primitives/bytes.js";
import { ed25519FromUri, ed25519Sign } from "../../../primitives/crypto/ed25519.js";
import { headerHash, type Header } from "../../../primitives/header.js";
import type { DigestItem } from "../../../primitives/digest.js";
import type { BlockRef } from "../../../consensus/finality/block-ref.js";
import type { AncestryChain } from "../../../consensus/finality/round.js";
import type { SignedPrecommit } from "../../../consensus/finality/messages.js";
import { signMessage, type GrandpaSigner } from "../../../consensus/finality/signing.js";

/** A 32-byte hash spelling a short name, so that test chains read like finality-grandpa's ("A", "FC", …). */
export function named(name: string): Uint8Array {
  const out = new Uint8Array(32);
  out.set(utf8(name).subarray(0, 32));
  return out;
}

/** finality-grandpa's `DummyChain`: blocks by name, genesis at number 1. */
export class DummyChain implements AncestryChain {
  static readonly GENESIS = "genesis";
  private readonly blocks = new Map<string, { number: number; parent: string | undefined }>([[toHex(named("genesis")), { number: 1, parent: undefined }]]);

  pushBlocks(parent: string, names: string[]): void {
    let p = toHex(named(parent));
    for (const n of names) {
      const h = toHex(named(n));
      this.blocks.set(h, { number: this.blocks.get(p)!.number + 1, parent: p });
      p = h;
    }
  }

  ref(name: string): BlockRef {
    const hash = toHex(named(name));
    return { hash, number: this.blocks.get(hash)!.number };
  }

  ancestry(base: string, block: string): string[] | undefined {
    if (base === block) return undefined;
    const route: string[] = [];
    for (let b = this.blocks.get(block)?.parent; b !== undefined; b = this.blocks.get(b)?.parent) {
      if (b === base) return route;
      route.push(b);
    }
    return undefined;
  }
}

/** A tree of real headers (no state behind them), addressed by hex hash. */
export class HeaderTree {
  readonly headers = new Map<string, Header>();
  readonly genesis: BlockRef;

  constructor() {
    const g: Header = { parentHash: new Uint8Array(32), number: 0, stateRoot: new Uint8Array(32), extrinsicsRoot: new Uint8Array(32), digest: { logs: [] } };
    this.genesis = this.add(g);
  }

  add(header: Header): BlockRef {
    const hash = toHex(headerHash(header));
    this.headers.set(hash, header);
    return { hash, number: header.number };
  }

  /** Extends `parent` by `count` blocks; `salt` tells forks apart; `logs(i)` adds digest items to the i-th. */
  extend(parent: BlockRef, count: number, salt = 0, logs: (i: number) => DigestItem[] = () => []): BlockRef[] {
    const out: BlockRef[] = [];
    let p = parent;
    for (let i = 0; i < count; i++) {
      const stateRoot = new Uint8Array(32);
      stateRoot[0] = salt;
      const header: Header = {
        parentHash: new Uint8Array(Buffer.from(p.hash.slice(2), "hex")),
        number: p.number + 1,
        stateRoot,
        extrinsicsRoot: new Uint8Array(32),
        digest: { logs: logs(i) },
      };
      p = this.add(header);
      out.push(p);
    }
    return out;
  }

  header(hash: string): Header | undefined {
    return this.headers.get(hash);
  }

  async headerOf(hash: Uint8Array): Promise<Header | undefined> {
    return this.headers.get(toHex(hash));
  }

  ancestry(base: string, block: string): string[] | undefined {
    if (base === block) return undefined;
    const route: string[] = [];
    for (let h = this.headers.get(block); h && h.number > 0; ) {
      const parent = toHex(h.parentHash);
      if (parent === base) return route;
      route.push(parent);
      h = this.headers.get(parent);
    }
    return undefined;
  }
}

export const VOTER_NAMES = ["Alice", "Bob", "Charlie", "Dave", "Eve", "Ferdie"] as const;

/** The ed25519 `gran` key of a dev account. */
export function grandpaKey(name: string): GrandpaSigner {
  const pair = ed25519FromUri(`//${name}`);
  return { publicKey: pair.publicKey, sign: (m) => ed25519Sign(pair, m) };
}

export function bytesOf(hash: string): Uint8Array {
  return new Uint8Array(Buffer.from(hash.slice(2), "hex"));
}

/** A precommit for `target` signed by `signer` for `round` of `setId`. */
export function signedPrecommit(signer: GrandpaSigner, target: BlockRef, round: bigint, setId: bigint): SignedPrecommit {
  const precommit = { target_hash: bytesOf(target.hash), target_number: target.number };
  const signed = signMessage(signer, { tag: "Precommit", value: precommit }, round, setId);
  return { precommit, signature: signed.signature, id: signed.id };
}
