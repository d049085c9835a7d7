import { orderedTrieRoot } from "./state/trie/index.js";
import { POLKADOT_BLOCK_789629 as B, hexBytes, toHex } from "./test/state/trie/vectors.js";
console.log(toHex(orderedTrieRoot(B.extrinsics.map(hexBytes))) === B.extrinsicsRoot);
