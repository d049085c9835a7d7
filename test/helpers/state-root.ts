// The trie root of everything an overlay holds, for `assert_noop!`-style checks that a failed call changed
// nothing.
import { keysWithPrefix, type StorageReader } from "../../state/storage.js";
import { trieRoot } from "../../state/trie/trie-root.js";

export function stateRoot(io: StorageReader): Uint8Array {
  const entries: [Uint8Array, Uint8Array][] = [];
  for (const k of keysWithPrefix(io, new Uint8Array(0))) {
    // A key written inside a rolled-back transaction may still be listed, without a value.
    const v = io.get(k);
    if (v !== undefined) entries.push([k, v]);
  }
  return trieRoot(entries);
}
