// FRAME's `ExtBuilder` for Balances and TransactionPayment: genesis balances in memory, a block open on
// them (the lead's PalletBlock), and the invariants FRAME's tests check after each scenario.
import { strict as assert } from "node:assert";
import { addressId } from "../../../../primitives/account.js";
import { DispatchFailure, type RaisedError } from "../../../../runtime/dispatch-error.js";
import type { DispatchOutcome } from "../../../../runtime/pallet.js";
import { signed, ROOT, type Origin } from "../../../../runtime/origin.js";
import { balances } from "../../../../runtime/pallets/balances/index.js";
import { storage as balancesStorage } from "../../../../runtime/pallets/balances/storage.js";
import type { AccountData } from "../../../../runtime/pallets/balances/types.js";
import { storage as systemStorage } from "../../../../runtime/pallets/system/storage.js";
import type { AccountInfo } from "../../../../runtime/pallets/system/types.js";
import { transactionPayment } from "../../../../runtime/pallets/transaction-payment/index.js";
import { MemoryStorage } from "../../../../state/memory-storage.js";
import { keysWithPrefix } from "../../../../state/storage.js";
import { trieRoot } from "../../../../state/trie/trie-root.js";
import { callOf, PalletBlock } from "../../../helpers/pallet-block.js";

export const ED = 500n;

/** A test account: 32 bytes of `n`. */
export function acc(n: number): Uint8Array {
  return new Uint8Array(32).fill(n);
}
export const id = (n: number) => addressId(acc(n));
export const signedBy = (n: number): Origin => signed(acc(n));
export { ROOT };

/** Genesis with `balances` (Balances and TransactionPayment genesis), then block 1 open on it. */
export function newExt(endowed: [number, bigint][] = [[1, 10_000n], [2, 20_000n], [3, 30_000n], [4, 40_000n]]): BalancesExt {
  const base = new MemoryStorage();
  balances.genesis!(base, { balances: endowed.map(([n, v]) => [acc(n), v]) });
  transactionPayment.genesis!(base, {});
  return new BalancesExt(new PalletBlock([balances, transactionPayment], { base }));
}

export class BalancesExt {
  constructor(readonly pb: PalletBlock) {}

  get ctx() {
    return this.pb.block;
  }
  get io() {
    return this.pb.io;
  }

  info(n: number | Uint8Array): AccountInfo {
    return systemStorage.Account.get(this.io, who(n));
  }
  data(n: number | Uint8Array): AccountData {
    return this.info(n).data;
  }
  free(n: number | Uint8Array): bigint {
    return this.data(n).free;
  }
  exists(n: number | Uint8Array): boolean {
    return systemStorage.Account.contains(this.io, who(n));
  }
  totalIssuance(): bigint {
    return balancesStorage.TotalIssuance.get(this.io);
  }

  call(name: string, args: Record<string, unknown>, origin: Origin): DispatchOutcome {
    return this.pb.dispatch(callOf("Balances", name, args), origin);
  }

  /** Event names since the block opened, as `Pallet.Name`. */
  eventNames(): string[] {
    return this.pb.eventNames();
  }
  events() {
    return this.pb.events();
  }

  /** The whole state's trie root: what `assert_noop!` keeps unchanged. */
  root(): Uint8Array {
    const entries: [Uint8Array, Uint8Array][] = [];
    for (const k of keysWithPrefix(this.io, new Uint8Array(0))) entries.push([k, this.io.get(k)!]);
    return trieRoot(entries);
  }

  /** FRAME's invariant: `TotalIssuance` is the sum of every account's free and reserved balance. */
  checkIssuance(): void {
    let sum = 0n;
    for (const [, info] of systemStorage.Account.entries(this.io)) sum += info.data.free + info.data.reserved;
    assert.equal(this.totalIssuance(), sum, "TotalIssuance equals the sum of all accounts' free + reserved");
  }
}

function who(n: number | Uint8Array): Uint8Array {
  return typeof n === "number" ? acc(n) : n;
}

/** Asserts that `outcome` failed with `error` (a DispatchError value, or a Balances error name). */
export function assertFailed(outcome: DispatchOutcome, error: string | { tag: string; value?: unknown }): void {
  assert.equal(outcome.ok, false, "the call failed");
  const want = typeof error === "string" ? { tag: "NamedModule", pallet: "Balances", error } : error;
  assert.deepEqual(outcome.error, want);
}

/** `assert_noop!`: `f` fails with `error` and the state root is unchanged. */
export function assertNoop(ext: BalancesExt, f: () => DispatchOutcome, error: string | { tag: string; value?: unknown }): void {
  const before = ext.root();
  const events = ext.eventNames().length;
  assertFailed(f(), error);
  assert.deepEqual(ext.root(), before, "state root unchanged");
  assert.equal(ext.eventNames().length, events, "no event deposited");
}

export function assertOk(outcome: DispatchOutcome): void {
  assert.equal(outcome.ok, true, `the call succeeded (got ${JSON.stringify(outcome.error)})`);
}

/** Runs `f` as a dispatch runs (in a storage transaction, rolled back on failure); returns the error raised. */
export function attempt(ext: BalancesExt, f: () => void): RaisedError | undefined {
  ext.io.startTransaction();
  try {
    f();
    ext.io.commitTransaction();
    return undefined;
  } catch (e) {
    ext.io.rollbackTransaction();
    if (e instanceof DispatchFailure) return e.error;
    throw e;
  }
}

/** `assert_noop!` for a `Currency` function: it raises `error` and the state root is unchanged. */
export function assertNoopWith(ext: BalancesExt, f: () => void, error: string | { tag: string; value?: unknown }): void {
  const before = ext.root();
  const want = typeof error === "string" ? { tag: "NamedModule", pallet: "Balances", error } : error;
  assert.deepEqual(attempt(ext, f), want);
  assert.deepEqual(ext.root(), before, "state root unchanged");
}
