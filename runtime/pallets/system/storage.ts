/**
 * frame_system storage, in declaration order (the metadata lists items in this order).
 */
import { AccountId32 } from "../../../primitives/account.js";
import { Digest } from "../../../primitives/digest.js";
import { H256 } from "../../../primitives/header.js";
import { bool, bytes, tuple, u32, vec, type AnySchema } from "../../../primitives/schema.js";
import { map, palletStorage, value } from "../../storage-item.js";
import { AccountInfo, DEFAULT_ACCOUNT_INFO, LastRuntimeUpgradeInfo, PerDispatchClassWeight, Phase } from "./types.js";
import { ZERO_WEIGHT } from "../../dispatch-types.js";
import { lazy } from "../../../primitives/schema.js";

let eventRecords: AnySchema | undefined;
/** `Vec<EventRecord<RuntimeEvent, H256>>`; the runtime binds the record type once it knows its events. */
export const EventRecordsRef = lazy(() => {
  if (!eventRecords) throw new Error("System.Events used before the runtime was built");
  return eventRecords;
});
export function bindEventRecords(records: AnySchema): void {
  eventRecords = records;
}

export const storage = palletStorage("System", {
  Account: map("Blake2_128Concat", AccountId32, AccountInfo, {
    default: DEFAULT_ACCOUNT_INFO,
    docs: [" The full account information for a particular account ID."],
  }),
  ExtrinsicCount: value(u32, { docs: [" Total extrinsics count for the current block."] }),
  BlockWeight: value(PerDispatchClassWeight, {
    default: { normal: ZERO_WEIGHT, operational: ZERO_WEIGHT, mandatory: ZERO_WEIGHT },
    docs: [" The current weight for the block."],
  }),
  AllExtrinsicsLen: value(u32, { docs: [" Total length (in bytes) for all extrinsics put together, for the current block."] }),
  BlockHash: map("Twox64Concat", u32, H256, {
    default: new Uint8Array(32),
    docs: [" Map of block numbers to block hashes."],
  }),
  ExtrinsicData: map("Twox64Concat", u32, bytes, {
    default: new Uint8Array(0),
    docs: [" Extrinsics data for the current block (maps an extrinsic's index to its data)."],
  }),
  Number: value(u32, { default: 0, docs: [" The current block number being processed. Set by `execute_block`."] }),
  ParentHash: value(H256, { default: new Uint8Array(32), docs: [" Hash of the previous block."] }),
  Digest: value(Digest, { default: { logs: [] }, docs: [" Digest of the current block, also part of the block header."] }),
  Events: value(EventRecordsRef as AnySchema, {
    default: [],
    docs: [
      " Events deposited for the current block.",
      "",
      " NOTE: The item is unbound and should therefore never be read on chain.",
      " It could otherwise inflate the PoV size of a block.",
      "",
      " Events have a large in-memory size. Box the events to not go out-of-memory",
      " just in case someone still reads them from within the runtime.",
    ],
  }),
  EventCount: value(u32, { default: 0, docs: [" The number of events in the `Events<T>` list."] }),
  EventTopics: map("Blake2_128Concat", H256, vec(tuple(u32, u32)), {
    default: [],
    docs: [
      " Mapping between a topic (represented by T::Hash) and a vector of indexes",
      " of events in the `<Events<T>>` list.",
      "",
      " All topic vectors have deterministic storage locations depending on the topic. This",
      " allows light-clients to leverage the changes trie storage tracking mechanism and",
      " in case of changes fetch the list of events of interest.",
      "",
      " The value has the type `(BlockNumberFor<T>, EventIndex)` because if we used only just",
      " the `EventIndex` then in case if the topic has the same contents on the next block",
      " no notification will be triggered thus the event might be lost.",
    ],
  }),
  LastRuntimeUpgrade: value(LastRuntimeUpgradeInfo, {
    docs: [" Stores the `spec_version` and `spec_name` of when the last runtime upgrade happened."],
  }),
  UpgradedToU32RefCount: value(bool, {
    default: false,
    docs: [" True if we have upgraded so that `type RefCount` is `u32`. False (default) if not."],
  }),
  UpgradedToTripleRefCount: value(bool, {
    default: false,
    docs: [" True if we have upgraded so that AccountInfo contains three types of `RefCount`. False", " (default) if not."],
  }),
  ExecutionPhase: value(Phase, { docs: [" The execution phase of the block."] }),
});

/** Well-known keys outside any pallet (`sp_storage::well_known_keys`). */
export const WELL_KNOWN_KEYS = {
  CODE: new TextEncoder().encode(":code"),
  HEAP_PAGES: new TextEncoder().encode(":heappages"),
  EXTRINSIC_INDEX: new TextEncoder().encode(":extrinsic_index"),
  INTRABLOCK_ENTROPY: new TextEncoder().encode(":intrablock_entropy"),
};
