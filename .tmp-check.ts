import { trieRoot } from "./state/trie/trie-root.js";
const exp = Buffer.from([122, 177, 134, 89, 211, 178, 120, 158, 242, 64, 13, 16, 113, 4, 199, 212, 251, 147, 208, 109, 154, 182, 168, 182, 65, 165, 222, 124, 63, 236, 200, 81]).toString("hex");
const got = Buffer.from(trieRoot([[Buffer.from("abcd"), Buffer.from("hello world")]])).toString("hex");
console.log(exp === got, got);
console.log(Buffer.from(trieRoot([])).toString("hex"));
