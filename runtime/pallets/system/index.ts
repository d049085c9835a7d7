/**
 * frame_system (index 0): accounts, block bookkeeping, events, and root calls on raw storage and code.
 */
import { blake2_256 } from "../../../primitives/hashing.js";
import { bytes, tuple, u16, u32, u64, vec } from "../../../primitives/schema.js";
import { errors } from "./errors.js";
import { ensureRoot, ensureSigned } from "../../origin.js";
import { call, constant, definePallet } from "../../pallet.js";
import {
  BLOCK_HASH_COUNT, BLOCK_LENGTH, BLOCK_WEIGHTS, DB_WEIGHT, SS58_PREFIX, VERSION,
} from "./constants.js";
import { setCode } from "./code.js";
import { depositLog } from "./block.js";
import { events } from "./events.js";
import { buildSystemGenesis } from "./genesis.js";
import { storage, WELL_KNOWN_KEYS } from "./storage.js";
import { BlockLength, BlockWeights, RuntimeDbWeight, RuntimeVersionSchema } from "./types.js";
import { systemWeights } from "./weights.js";


const KeyValue = tuple(bytes, bytes);

// frame_system's `()` weights: TFChain sets `SystemWeightInfo = ()`.
const W = systemWeights;

export const system = definePallet({
  name: "System",
  index: 0,
  storage,
  calls: {
    type: { path: "frame_system::pallet::Call", params: [{ name: "T" }], docs: ["Contains a variant per dispatchable extrinsic that this pallet has."] },
    list: {
      remark: call(0, { remark: [bytes, "Vec<u8>"] }, { weight: (a) => W.remark(a.remark.length), docs: ["See [`Pallet::remark`]."] }, () => {
        // FRAME's remark accepts any origin and does nothing: the bytes only need to be in the block.
      }),
      set_heap_pages: call(1, { pages: [u64, "u64"] }, { weight: W.setHeapPages(), class: "Operational", docs: ["See [`Pallet::set_heap_pages`]."] }, (ctx, origin, a) => {
        ensureRoot(origin);
        ctx.io.set(WELL_KNOWN_KEYS.HEAP_PAGES, u64.enc(a.pages));
        depositLog(ctx, { tag: "RuntimeEnvironmentUpdated", value: undefined });
      }),
      set_code: call(2, { code: [bytes, "Vec<u8>"] }, { weight: W.setCode(), class: "Operational", docs: ["See [`Pallet::set_code`]."] }, (ctx, origin, a) => {
        ensureRoot(origin);
        setCode(ctx, a.code, true);
      }),
      set_code_without_checks: call(3, { code: [bytes, "Vec<u8>"] }, { weight: W.setCode(), class: "Operational", docs: ["See [`Pallet::set_code_without_checks`]."] }, (ctx, origin, a) => {
        ensureRoot(origin);
        setCode(ctx, a.code, false);
      }),
      set_storage: call(4, { items: [vec(KeyValue), "Vec<KeyValue>"] }, { weight: (a) => W.setStorage(a.items.length), class: "Operational", docs: ["See [`Pallet::set_storage`]."] }, (ctx, origin, a) => {
        ensureRoot(origin);
        for (const [k, v] of a.items) ctx.io.set(k, v);
      }),
      kill_storage: call(5, { keys: [vec(bytes), "Vec<Key>"] }, { weight: (a) => W.killStorage(a.keys.length), class: "Operational", docs: ["See [`Pallet::kill_storage`]."] }, (ctx, origin, a) => {
        ensureRoot(origin);
        for (const k of a.keys) ctx.io.clear(k);
      }),
      kill_prefix: call(6, { prefix: [bytes, "Key"], subkeys: [u32, "u32"] }, { weight: (a) => W.killPrefix(Math.min(a.subkeys + 1, 0xffffffff)), class: "Operational", docs: ["See [`Pallet::kill_prefix`]."] }, (ctx, origin, a) => {
        ensureRoot(origin);
        // `subkeys` only prices the call; FRAME clears the whole prefix.
        ctx.io.clearPrefix(a.prefix);
      }),
      remark_with_event: call(7, { remark: [bytes, "Vec<u8>"] }, { weight: (a) => W.remarkWithEvent(a.remark.length), docs: ["See [`Pallet::remark_with_event`]."] }, (ctx, origin, a) => {
        const sender = ensureSigned(origin);
        ctx.deposit("System", { tag: "Remarked", value: { sender, hash: blake2_256(a.remark) } });
      }),
    },
  },
  events,
  genesis: buildSystemGenesis,
  errors: { type: { path: "frame_system::pallet::Error", params: [{ name: "T" }], docs: ["Error for the System pallet"] }, list: errors },
  constants: {
    BlockWeights: constant(BlockWeights, BLOCK_WEIGHTS, [" Block & extrinsics weights: base values and limits."]),
    BlockLength: constant(BlockLength, BLOCK_LENGTH, [" The maximum length of a block (in bytes)."]),
    BlockHashCount: constant(u32, BLOCK_HASH_COUNT, [" Maximum number of block number to block hash mappings to keep (oldest pruned first)."]),
    DbWeight: constant(RuntimeDbWeight, DB_WEIGHT, [" The weight of runtime database operations the runtime can invoke."]),
    Version: constant(RuntimeVersionSchema, VERSION, [" Get the chain's current version."]),
    SS58Prefix: constant(u16, SS58_PREFIX, [
      " The designated SS58 prefix of this chain.",
      "",
      ' This replaces the "ss58Format" property declared in the chain spec. Reason is',
      " that the runtime should know about the prefix in order to make use of it as",
      " an identifier of the chain.",
    ]),
  },
});

