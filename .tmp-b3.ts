import { blake2b256 } from "./state/trie/hash.js";
console.log(Buffer.from(blake2b256(new Uint8Array(0))).toString("hex"));
