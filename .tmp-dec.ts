import { trieNodeDec, validateProofs } from "@polkadot-api/substrate-bindings";
console.log(trieNodeDec(Buffer.from("8012001443031404ff1443081904fe", "hex")));
console.log(trieNodeDec(Buffer.from("42aa04bb", "hex")));
console.log(trieNodeDec(Uint8Array.from([0x43, 0x03, 0x14, 0x04, 0xff])));
