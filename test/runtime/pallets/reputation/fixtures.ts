// A chain of blocks running TfgridModule (wired to Reputation's registry hooks) and Reputation, with a clock the
// test sets per block. Registry records (twins, farms, nodes) are written straight to storage; the hooks are
// called directly with their explicit arguments, or reached through TfgridModule's calls.
import { strict as assert } from "node:assert";
import { utf8 } from "../../../../primitives/bytes.js";
import { signed } from "../../../../runtime/origin.js";
import type { DispatchOutcome } from "../../../../runtime/pallet.js";
import * as hooks from "../../../../runtime/pallets/reputation/hooks.js";
import { reputation, reputationTfgridHooks } from "../../../../runtime/pallets/reputation/index.js";
import { storage } from "../../../../runtime/pallets/reputation/storage.js";
import type { NodePeriod } from "../../../../runtime/pallets/reputation/types.js";
import { defineTfgrid, tfgridStorage as tfgrid } from "../../../../runtime/pallets/tfgrid/index.js";
import type { NodeCertification } from "../../../../runtime/pallets/tfgrid/types-node.js";
import { storage as timestampStorage } from "../../../../runtime/pallets/timestamp/storage.js";
import { MemoryStorage } from "../../../../state/memory-storage.js";
import { callOf, PalletBlock, type EventOf } from "../../../helpers/pallet-block.js";
import { stateRoot } from "../../../helpers/state-root.js";

/** Period 91 = [1_761_911_080, 1_764_541_960). */
export const P91_START = 1_761_911_080n;
export const P91_END = 1_764_541_960n;
export const PERIOD = 2_630_880n;
export const SETTLE = 97_200n;

/** An account id that is just its number repeated (signed origins need no key). */
export const accountOf = (n: number) => new Uint8Array(32).fill(n);
/** The farmer's twin (and account 1) owns every farm. */
export const FARMER_TWIN = 1;
/** A node's twin id (and account): 100 + node id. */
export const nodeTwin = (nodeId: number) => 100 + nodeId;

const COMPRESSED_PK = new Uint8Array(33).fill(2);

export class ReputationChain {
  private readonly base = new MemoryStorage();
  private readonly pallets = [defineTfgrid(reputationTfgridHooks()), reputation];
  block: PalletBlock;
  /** Events of every block so far, oldest first. */
  readonly history: EventOf[] = [];

  /** Opens block 1 at chain time `start` (seconds), with the farmer's twin and farm 1. */
  constructor(start: bigint) {
    this.block = new PalletBlock(this.pallets, { base: this.base, number: 1 });
    this.setTime(start);
    this.addTwin(FARMER_TWIN);
    this.addFarm(1);
  }

  get io() {
    return this.block.io;
  }

  get ctx() {
    return this.block.block;
  }

  get number(): number {
    return this.block.block.blockNumber;
  }

  /** The open block's time in seconds. */
  get now(): bigint {
    return timestampStorage.Now.get(this.io) / 1000n;
  }

  private setTime(seconds: bigint): void {
    timestampStorage.Now.set(this.io, seconds * 1000n);
  }

  /**
   * Closes the open block and opens the next at `seconds`: as the executive, `on_initialize` runs first and
   * sees the previous block's time, then the timestamp is set.
   */
  at(seconds: bigint): this {
    this.history.push(...this.block.events());
    this.base.apply(this.io.changes());
    this.block = new PalletBlock(this.pallets, { base: this.base, number: this.number + 1 });
    reputation.hooks.onInitialize(this.ctx);
    this.setTime(seconds);
    return this;
  }

  /** Blocks at `seconds` until the sweep has nothing left to do (at most `max` blocks). */
  settle(seconds: bigint, max = 50): void {
    for (let i = 0; i < max; i++) {
      this.at(seconds);
      const cursor = storage.SweepCursor.get(this.io);
      if (cursor && seconds < PERIOD_END(cursor.period) + SETTLE) return;
    }
    assert.fail("sweep did not finish");
  }

  addTwin(id: number, opts: { relay?: Uint8Array | null; pk?: Uint8Array | null } = {}): void {
    tfgrid.Twins.set(this.io, id, {
      id,
      account_id: accountOf(id),
      relay: opts.relay === null ? undefined : (opts.relay ?? utf8("relay.grid.tf")),
      entities: [],
      pk: opts.pk === null ? undefined : (opts.pk ?? COMPRESSED_PK),
    });
    tfgrid.TwinIdByAccountID.set(this.io, accountOf(id), id);
    if (tfgrid.TwinID.get(this.io) < id) tfgrid.TwinID.set(this.io, id);
  }

  addFarm(id: number): void {
    tfgrid.Farms.set(this.io, id, {
      version: 4, id, name: utf8(`farm${id}`), twin_id: FARMER_TWIN, pricing_policy_id: 1, certification: "NotCertified",
      public_ips: [], dedicated_farm: false, farming_policy_limits: undefined,
    });
    if (tfgrid.FarmID.get(this.io) < id) tfgrid.FarmID.set(this.io, id);
  }

  /** Node `id` on `farm`, created at `created`, with its own twin (relay and a 33-byte key unless told). */
  addNode(id: number, created: bigint, opts: { farm?: number; certification?: NodeCertification; relay?: Uint8Array | null; pk?: Uint8Array | null } = {}): void {
    const farmId = opts.farm ?? 1;
    const twinId = nodeTwin(id);
    this.addTwin(twinId, { relay: opts.relay, pk: opts.pk });
    tfgrid.Nodes.set(this.io, id, {
      version: 5, id, farm_id: farmId, twin_id: twinId, resources: { hru: 0n, sru: 0n, cru: 0n, mru: 0n },
      location: { city: utf8(""), country: utf8(""), latitude: utf8(""), longitude: utf8("") },
      public_config: undefined, created, farming_policy_id: 1, interfaces: [], certification: opts.certification ?? "Diy",
      secure_boot: false, virtualized: false, serial_number: undefined, connection_price: 80,
    });
    tfgrid.NodeIdByTwinID.set(this.io, twinId, id);
    tfgrid.NodesByFarmID.set(this.io, farmId, [...tfgrid.NodesByFarmID.get(this.io, farmId), id]);
    if (tfgrid.NodeID.get(this.io) < id) tfgrid.NodeID.set(this.io, id);
  }

  /** The hook `uptimeReported` with an explicit time. */
  report(nodeId: number, now: bigint, uptime: bigint): void {
    hooks.uptimeReported(this.ctx, nodeId, now, uptime);
  }

  /** A TfgridModule call of `account`; returns the outcome. */
  call(account: number, name: string, args: Record<string, unknown> = {}): DispatchOutcome {
    return this.block.dispatch(callOf("TfgridModule", name, args), signed(accountOf(account)));
  }

  ok(account: number, name: string, args: Record<string, unknown> = {}): void {
    const out = this.call(account, name, args);
    assert.equal(out.ok, true, `${name} failed: ${JSON.stringify(out.error)}`);
  }

  record(nodeId: number, period: number): NodePeriod | undefined {
    return storage.NodePeriods.get(this.io, nodeId, period);
  }

  up(nodeId: number, period: number): bigint {
    return this.record(nodeId, period)?.up ?? 0n;
  }

  /** Reputation events of every block so far, the open block's included. */
  events(): { name: string; value: any }[] {
    return [...this.history, ...this.block.events()].filter((e) => e.pallet === "Reputation").map(({ name, value }) => ({ name, value }));
  }

  stateRoot(): Uint8Array {
    return stateRoot(this.io);
  }
}

export const PERIOD_END = (period: number) => 1_522_501_000n + BigInt(period + 1) * PERIOD;
