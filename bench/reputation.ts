/**
 * The reputation registry at scale: what the `Reputation` hooks add to uptime reports, closing a period of
 * 10,000 nodes, and reading a node's reputation.
 *
 * - 2,000 nodes, blocks of 2,000 `report_uptime_v2` (each node once, 40 minutes apart), in a TfgridModule
 *   built with the runtime's hooks and in one built without (`defineTfgrid()`), alternating on the same state:
 *   both rates and their ratio (goal ≥ 0.8). Twice: the calls dispatched alone with signed origins, and whole
 *   signed extrinsics applied by the executive (decode, nonce, fee, weight, dispatch, events) with their
 *   signatures counted as checked, as a block built from the pool is.
 * - 10,000 nodes on 100 farms with a period of history: the close sweep (`on_initialize`, ≤ 100 nodes a
 *   block) timed per block until the period is closed (goal ≤ 10 ms a block). A first sweep of the same state
 *   warms the JIT up; its slowest block is reported too.
 * - The same 10,000 nodes: `ReputationApi_node` (the `reputation_node` RPC's runtime API call, JSON included)
 *   over random ids (goal p99 ≤ 5 ms).
 * The state is written directly (twins, farms, nodes, reputation records), as the hooks would have left it,
 * then held as a `PersistentTrie`, which blocks execute on and the RPC reads, as in the node.
 *
 * Standalone: `node --import tsx bench/reputation.ts`.
 */
import { PerformanceObserver } from "node:perf_hooks";
import { devSpec } from "../genesis/chain-spec.js";
import { buildGenesisStorage } from "../genesis/genesis-state.js";
import { addressId } from "../primitives/account.js";
import { utf8 } from "../primitives/bytes.js";
import { initCrypto } from "../primitives/crypto/wasm.js";
import { Era } from "../primitives/era.js";
import { encodeExtrinsic } from "../primitives/extrinsic.js";
import { u32 } from "../primitives/schema.js";
import { BlockExecution } from "../runtime/block-context.js";
import { Executive } from "../runtime/executive.js";
import { runtime } from "../runtime/index.js";
import { signed, type Origin } from "../runtime/origin.js";
import type { RuntimeCallValue } from "../runtime/pallet.js";
import { decodeReputation } from "../runtime/pallets/reputation/api.js";
import { sweep } from "../runtime/pallets/reputation/close.js";
import { nodeReputation, reputationStorage as rep } from "../runtime/pallets/reputation/index.js";
import { periodEnd, periodStart } from "../runtime/pallets/reputation/time.js";
import type { NodePeriod } from "../runtime/pallets/reputation/types.js";
import { resetEvents } from "../runtime/pallets/system/block.js";
import { VERSION } from "../runtime/pallets/system/constants.js";
import { storage as systemStorage } from "../runtime/pallets/system/storage.js";
import { defineTfgrid, tfgridStorage as grid } from "../runtime/pallets/tfgrid/index.js";
import { storage as timestampStorage } from "../runtime/pallets/timestamp/storage.js";
import { RuntimeApi } from "../runtime/runtime-api.js";
import { Runtime } from "../runtime/runtime.js";
import { MemoryStorage } from "../state/memory-storage.js";
import { OverlayedChanges } from "../state/overlay.js";
import type { StorageReader } from "../state/storage.js";
import { PersistentTrie } from "../state/trie/index.js";

/** Period 91 = [1_761_911_080, 1_764_541_960): the open period of the report blocks, the one the sweep closes. */
const PERIOD = 91;
const REPORT_NODES = 2_000;
const REPORT_ROUNDS = 10;
const SWEEP_NODES = 10_000;
const FARMS = 100;
const READS = 20_000;
/** zos reports every 40 minutes. */
const REPORT_INTERVAL = 2_400n;
const AUTHOR = new Uint8Array(32).fill(0xaa);
const COMPRESSED_PK = new Uint8Array(33).fill(2);

function account(i: number): Uint8Array {
  const a = new Uint8Array(32);
  new DataView(a.buffer).setUint32(0, i + 1);
  a[31] = 0x3c;
  return a;
}

/** A deterministic PRNG (mulberry32): the same state and ids on every run. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

/** Farms 1..`farms` (farmer twin 1), then `nodes` nodes round-robin over them, each with its own twin (id + 1). */
function populate(nodes: number, farms: number, created: (id: number) => bigint): MemoryStorage {
  const base = buildGenesisStorage(runtime, devSpec());
  const twin = (id: number, who: Uint8Array) => {
    systemStorage.Account.set(base, who, {
      nonce: 0, consumers: 0, providers: 1, sufficients: 0, data: { free: 10n ** 15n, reserved: 0n, frozen: 0n, flags: 1n << 127n },
    });
    grid.Twins.set(base, id, { id, account_id: who, relay: utf8("relay.grid.tf"), entities: [], pk: COMPRESSED_PK });
    grid.TwinIdByAccountID.set(base, who, id);
  };
  twin(1, account(0));
  const byFarm = new Map<number, number[]>();
  for (let f = 1; f <= farms; f++) {
    grid.Farms.set(base, f, {
      version: 4, id: f, name: utf8(`bench_farm_${f}`), twin_id: 1, pricing_policy_id: 1, certification: "NotCertified",
      public_ips: [], dedicated_farm: false, farming_policy_limits: undefined,
    });
    byFarm.set(f, []);
  }
  const resources = { hru: 4096n * 1024n ** 3n, sru: 1024n * 1024n ** 3n, cru: 32n, mru: 128n * 1024n ** 3n };
  const location = { city: utf8("Ghent"), country: utf8("Belgium"), latitude: utf8("51.05"), longitude: utf8("3.71") };
  for (let n = 1; n <= nodes; n++) {
    const farm = ((n - 1) % farms) + 1;
    twin(n + 1, account(n));
    grid.Nodes.set(base, n, {
      version: 5, id: n, farm_id: farm, twin_id: n + 1, resources, location, public_config: undefined, created: created(n),
      farming_policy_id: 1, interfaces: [], certification: n % 10 === 0 ? "Certified" : "Diy", secure_boot: false,
      virtualized: false, serial_number: undefined, connection_price: 80,
    });
    grid.NodeIdByTwinID.set(base, n + 1, n);
    byFarm.get(farm)!.push(n);
  }
  for (const [f, ids] of byFarm) grid.NodesByFarmID.set(base, f, ids);
  grid.TwinID.set(base, nodes + 1);
  grid.FarmID.set(base, farms);
  grid.NodeID.set(base, nodes);
  return base;
}

/** A block at `seconds` on an overlay of `base`: its context, events cleared, the clock set. */
function openBlock(rt: Runtime, base: StorageReader, number: number, seconds: bigint): BlockExecution {
  const io = new OverlayedChanges(base);
  resetEvents(io);
  systemStorage.Number.set(io, number);
  timestampStorage.Now.set(io, seconds * 1000n);
  return new BlockExecution(rt, io, number, AUTHOR);
}

/** TfgridModule without listeners, every other pallet as the runtime has it. */
function runtimeWithoutHooks(): Runtime {
  const bare = defineTfgrid();
  return new Runtime(runtime.pallets.map((p) => (p.name === bare.name ? bare : p)), VERSION);
}

/**
 * Wall and CPU time of the process since `start()`, in ms. The shared machine runs other work: CPU time leaves
 * out the time this process waited for a core (it includes V8's helper threads).
 */
function stopwatch(): () => { wall: number; cpu: number } {
  const wall = performance.now();
  const cpu = process.cpuUsage();
  return () => {
    const used = process.cpuUsage(cpu);
    return { wall: performance.now() - wall, cpu: (used.user + used.system) / 1000 };
  };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

const median = (xs: number[]) => percentile([...xs].sort((a, b) => a - b), 50);

type Mode = "dispatch" | "apply";

/**
 * Blocks of one `report_uptime_v2` per node, with and without the reputation hooks, alternating on the same
 * state. `dispatch`: the calls alone, with signed origins. `apply`: whole signed extrinsics through the
 * executive (decode, nonce, fee, weight, dispatch, events), signatures counted as checked by the pool.
 */
function benchReports(figures: Record<string, number>): void {
  const start = periodStart(PERIOD) + 86_400n;
  const populated = populate(REPORT_NODES, 1, () => start - 30n * 86_400n);
  rep.SweepCursor.set(populated, { period: PERIOD, next_node: 1, closed: 0 });
  let base = PersistentTrie.fromEntries(populated.entries());
  const bare = runtimeWithoutHooks();
  const accounts = Array.from({ length: REPORT_NODES }, (_, i) => account(i + 1));
  const origins: Origin[] = accounts.map(signed);
  const executives = new Map([runtime, bare].map((rt) => [rt, new Executive(rt, new Uint8Array(32))]));
  const signature = { tag: "Sr25519" as const, value: new Uint8Array(64) };

  // Block k is 40 minutes after block k - 1 and every node's uptime grew as much: each report credits.
  const runBlock = (rt: Runtime, mode: Mode, k: number, nonce: number): { ms: { wall: number; cpu: number }; io: OverlayedChanges } => {
    const at = start + REPORT_INTERVAL * BigInt(k);
    const call: RuntimeCallValue = {
      tag: "TfgridModule", value: { tag: "report_uptime_v2", value: { uptime: 1_000_000n + REPORT_INTERVAL * BigInt(k), timestamp_hint: at } },
    };
    if (mode === "dispatch") {
      const block = openBlock(rt, base, k + 1, at);
      const stop = stopwatch();
      for (let i = 0; i < REPORT_NODES; i++) {
        const out = block.dispatch(call, origins[i]!);
        if (!out.ok) throw new Error(`bench: report of node ${i + 1} failed: ${JSON.stringify(out.error)}`);
      }
      return { ms: stop(), io: block.io };
    }
    const encodedCall = rt.callSchema.enc(call);
    const xts = accounts.map((who) => encodeExtrinsic({
      signed: { address: addressId(who), signature, era: Era.immortal, nonce, tip: 0n }, call: encodedCall,
    }));
    const io = new OverlayedChanges(base);
    timestampStorage.Now.set(io, at * 1000n);
    const executive = executives.get(rt)!;
    const block = executive.initializeBlock(io, { number: k + 1, parentHash: new Uint8Array(32), logs: [], author: AUTHOR });
    const stop = stopwatch();
    for (let i = 0; i < xts.length; i++) {
      const out = executive.applyExtrinsic(block, xts[i]!, { signatureVerified: true });
      if (out.error) throw new Error(`bench: report of node ${i + 1} failed: ${JSON.stringify(out.error)}`);
    }
    return { ms: stop(), io };
  };

  // Two rounds warm up (the first reports of every node take the first-report path); rounds alternate which
  // runtime goes first. Only the hooked block's changes are kept: the bare one stores no reputation.
  type Rates = { with: number[]; without: number[]; withCpu: number[]; withoutCpu: number[] };
  const rates: Record<Mode, Rates> = {
    dispatch: { with: [], without: [], withCpu: [], withoutCpu: [] },
    apply: { with: [], without: [], withCpu: [], withoutCpu: [] },
  };
  let k = 0;
  for (let round = 0; round < REPORT_ROUNDS + 2; round++) {
    for (const mode of ["dispatch", "apply"] as const) {
      const order = round % 2 === 0 ? ["with", "without"] as const : ["without", "with"] as const;
      const runs = Object.fromEntries(order.map((which) => [which, runBlock(which === "with" ? runtime : bare, mode, k, round)]));
      base = base.update(runs.with!.io.changes());
      k++;
      if (round < 2) continue;
      const r = rates[mode];
      r.with.push((REPORT_NODES / runs.with!.ms.wall) * 1000);
      r.without.push((REPORT_NODES / runs.without!.ms.wall) * 1000);
      r.withCpu.push((REPORT_NODES / runs.with!.ms.cpu) * 1000);
      r.withoutCpu.push((REPORT_NODES / runs.without!.ms.cpu) * 1000);
      if (process.env.BENCH_VERBOSE) console.log("reports", mode, round, runs.with!.ms, runs.without!.ms);
    }
  }
  if ((rep.NodePeriods.get(base, REPORT_NODES, PERIOD)?.up ?? 0n) < REPORT_INTERVAL * BigInt(k - 1)) {
    throw new Error("bench: the hooked reports did not credit every block");
  }
  // Each round's two blocks ran back to back: their ratio is less exposed to the machine's other load.
  const ratio = (w: number[], wo: number[]) => Number(median(w.map((x, i) => x / wo[i]!)).toFixed(3));
  for (const mode of ["dispatch", "apply"] as const) {
    const r = rates[mode];
    const what = mode === "dispatch" ? "report_uptime_v2 dispatch" : "report_uptime_v2 extrinsics applied";
    figures[`${what} without reputation hooks (/s, median)`] = Math.round(median(r.without));
    figures[`${what} with reputation hooks (/s, median)`] = Math.round(median(r.with));
    figures[`${what}: ratio with / without, median of rounds (goal ≥ 0.8)`] = ratio(r.with, r.without);
    figures[`${what}: the same ratio on CPU time`] = ratio(r.withCpu, r.withoutCpu);
  }
}

/** 10,000 nodes with period 91 to close, 92 open, and a closed 85 to prune; the sweep's cursor at 91. */
function historyState(): { base: PersistentTrie; now: bigint } {
  const rnd = random(9);
  const start = periodStart(PERIOD);
  const end = periodEnd(PERIOD);
  const base = populate(SWEEP_NODES, FARMS, (n) => (n % 20 === 0 ? start + 86_400n * BigInt(n % 25) : start - 200n * 86_400n));
  const now = end + 97_200n + 60n;
  const record = (up: bigint, extra: Partial<NodePeriod> = {}): NodePeriod => ({
    expected: 0n, up, standby: 0n, reboots: Math.floor(rnd() * 3), boot_failures: 0, violation: undefined, closed: undefined, ...extra,
  });
  const length = end - start;
  for (let n = 1; n <= SWEEP_NODES; n++) {
    const up = (length * BigInt(900 + Math.floor(rnd() * 100))) / 1000n;
    const violation = n % 50 === 0
      ? { tag: "UptimeTooLow" as const, value: { previous_uptime: 1n, previous_timestamp: 2n, reported_uptime: 3n, reported_timestamp: 4n } }
      : undefined;
    rep.NodePeriods.set(base, n, PERIOD, record(up, { violation, standby: n % 100 === 0 ? 86_000n : 0n }));
    rep.NodePeriods.set(base, n, PERIOD + 1, record(now - end - 600n));
    rep.NodePeriods.set(base, n, PERIOD - 6, record(length, {
      expected: length, closed: { uptime: 1000, certification: "Diy", sla_met: true },
    }));
    const standby = n % 100 === 0 ? { since: end - 90_000n, request: end - 3_600n, failed: false } : undefined;
    rep.NodeState.set(base, n, { last: { at: now - 600n, uptime: 3_000_000n, boot: now - 3_000_600n }, standby });
    rep.NodeWindows.set(base, n, { latest: Number(now / 43_200n), up: Array.from({ length: 60 }, () => Math.floor(rnd() * 43_201)) });
  }
  for (let f = 1; f <= FARMS; f++) {
    rep.FarmPeriods.set(base, f, PERIOD - 6, { nodes: 100, sla_met: 100, violating: 0, up: 100n * length, expected: 100n * length });
  }
  rep.SweepCursor.set(base, { period: PERIOD, next_node: 1, closed: 0 });
  return { base: PersistentTrie.fromEntries(base.entries()), now };
}

/** Sweeps from `state` block by block until the period is closed: each block's sweep time and GC pauses in it. */
async function sweepAll(state: PersistentTrie, now: bigint): Promise<{ blocks: { ms: number; cpuMs: number; gcMs: number }[]; state: PersistentTrie }> {
  const spans: [number, number, number][] = [];
  const pauses: [number, number][] = [];
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) pauses.push([e.startTime, e.startTime + e.duration]);
  });
  observer.observe({ entryTypes: ["gc"] });
  for (let number = 1; rep.SweepCursor.get(state)!.period === PERIOD; number++) {
    const block = openBlock(runtime, state, number, now);
    const t = performance.now();
    const stop = stopwatch();
    sweep(block, now);
    spans.push([t, performance.now(), stop().cpu]);
    state = state.update(block.io.changes());
    if (number > SWEEP_NODES) throw new Error("bench: the sweep does not end");
  }
  // GC entries arrive after the synchronous loop, each with its start time.
  await new Promise((resolve) => setTimeout(resolve, 100));
  observer.disconnect();
  const blocks = spans.map(([from, to, cpuMs]) => ({
    ms: to - from,
    cpuMs,
    gcMs: pauses.reduce((sum, [a, b]) => sum + Math.max(0, Math.min(to, b) - Math.max(from, a)), 0),
  }));
  return { blocks, state };
}

async function benchClose(figures: Record<string, number>): Promise<PersistentTrie> {
  const { base, now } = historyState();
  const cold = (await sweepAll(base, now)).blocks;
  const { blocks, state } = await sweepAll(base, now);
  const closed = rep.NodePeriods.get(state, SWEEP_NODES, PERIOD)?.closed;
  if (!closed || rep.NodePeriods.contains(state, 1, PERIOD - 6)) throw new Error("bench: the sweep did not close and prune");
  const sorted = blocks.map((b) => b.ms).sort((a, b) => a - b);
  figures["close 10,000 nodes: blocks"] = blocks.length;
  figures["close: ms per block, median"] = percentile(sorted, 50);
  figures["close: ms per block, p90"] = percentile(sorted, 90);
  figures["close: ms per block, max (goal ≤ 10)"] = sorted[sorted.length - 1]!;
  // A garbage collection that lands in a block pauses it whoever allocated; the same without those pauses:
  figures["close: ms per block less GC pauses, max"] = Math.max(...blocks.map((b) => b.ms - b.gcMs));
  figures["close: blocks with a GC pause"] = blocks.filter((b) => b.gcMs > 0).length;
  const cpu = blocks.map((b) => b.cpuMs).sort((a, b) => a - b);
  figures["close: CPU ms per block, median"] = percentile(cpu, 50);
  figures["close: CPU ms per block, p90"] = percentile(cpu, 90);
  figures["close: CPU ms per block, max"] = cpu[cpu.length - 1]!;
  figures["close, first sweep (cold JIT): slowest block (ms)"] = Math.max(...cold.map((b) => b.ms));
  return state;
}

function benchRead(figures: Record<string, number>, trie: PersistentTrie): void {
  const api = new RuntimeApi(runtime, new Uint8Array(32));
  const rnd = random(60);
  const ids = Array.from({ length: READS }, () => 1 + Math.floor(rnd() * SWEEP_NODES));
  const timed = (f: (id: number) => unknown): number[] => {
    for (const id of ids.slice(0, 2_000)) f(id);
    const ms = ids.map((id) => {
      const t = performance.now();
      if (f(id) === null) throw new Error(`bench: node ${id} unknown`);
      return performance.now() - t;
    });
    return ms.sort((a, b) => a - b);
  };
  const view = timed((id) => nodeReputation(trie, id));
  const call = timed((id) => decodeReputation(api.call("ReputationApi_node", trie, u32.enc(id))));
  figures["nodeReputation: p50 (ms)"] = percentile(view, 50);
  figures["nodeReputation: p99 (ms)"] = percentile(view, 99);
  figures["reputation_node (runtime API + JSON both ways): p50 (ms)"] = percentile(call, 50);
  figures["reputation_node (runtime API + JSON both ways): p99 (ms, goal ≤ 5)"] = percentile(call, 99);
}

export async function benchReputation(): Promise<Record<string, number>> {
  await initCrypto();
  const figures: Record<string, number> = {};
  benchReports(figures);
  benchRead(figures, await benchClose(figures));
  return figures;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.table(await benchReputation());
}
